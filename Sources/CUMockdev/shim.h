// libumockdev (tests only): a programmable V4L2 device for HallScannerTests.
#include <umockdev.h>
#include <glib-object.h>
