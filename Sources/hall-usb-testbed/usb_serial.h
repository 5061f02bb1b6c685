#ifndef HALL_USB_SERIAL_H
#define HALL_USB_SERIAL_H
#include <umockdev.h>

/*
 * An emulated USB-serial bridge (CDC-ACM, WCH CH34x, FTDI FT232R, Prolific PL2303 HX or Silicon
 * Labs CP2102) behind DEVNODE.
 *
 * SPEC is "CHIP" or "CHIP:RELAY": CHIP is cdc-acm, ch34x, ch34x-v27 (an old chip that keeps
 * 8N1), ftdi, pl2303 or cp210x; RELAY is the path of a tty (e.g. the pty of an emulated LED screen) that
 * receives the bulk OUT bytes and whose answers fill bulk IN transfers. Without RELAY the
 * bridge loops its output back to its input.
 */
gboolean usb_serial_attach(UMockdevTestbed *testbed, const char *devnode, const char *spec, GError **error);

/* The device was unplugged: descriptors opened before fail with ENODEV from now on. */
void usb_serial_unplugged(void);

/* The device was plugged (again): new opens work. */
void usb_serial_plugged(void);

#endif
