// libumockdev (tests only): programmable USB and V4L2 devices for the transport and scanner tests.
#include <umockdev.h>
#include <glib-object.h>
