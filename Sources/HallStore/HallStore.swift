// HallStore: see the target's files.
