// HallEmulators: see the target's files.
