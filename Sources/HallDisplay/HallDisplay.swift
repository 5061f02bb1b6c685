// HallDisplay: see the target's files.
