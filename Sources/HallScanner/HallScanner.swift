// HallScanner: see the target's files.
