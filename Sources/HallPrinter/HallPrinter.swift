// HallPrinter: see the target's files.
