#ifndef HALL_SILENT_PRINTER_H
#define HALL_SILENT_PRINTER_H
#include <umockdev.h>

/* Answers usbdevfs ioctls on DEVNODE like a printer that never completes a transfer. */
gboolean silent_printer_attach(UMockdevTestbed *testbed, const char *devnode, GError **error);

#endif
