/*
 * An emulated USB-serial bridge answering usbdevfs URBs the way its chip would:
 *
 * - control transfers: the line setup requests of the chip family (CDC PSTN SET_LINE_CODING /
 *   SET_CONTROL_LINE_STATE; CH34x vendor requests and registers; FTDI SIO requests; PL2303 HX
 *   vendor reads/writes and its CDC-style line requests; CP210x interface requests). What the
 *   host set up is decoded independently of Hall's encoder (baud rate computed back from the
 *   divisor registers) and printed as JSON lines:
 *     {"testbed":"control","request":"9a","value":"1312","index":"b282"}   every request
 *     {"testbed":"line","chip":"ch34x","baud":9615,"format":"8N1"}          line settings now
 *     {"testbed":"modem","dtr":true,"rts":true}                              modem lines now
 * - bulk OUT: the bytes go to the relay tty (an emulated screen) or into the loopback buffer
 *   (a CP210x whose interface was not enabled with IFC_ENABLE drops them, as the chip does);
 * - bulk IN: completed when the relay (or loopback) has bytes; FTDI packets carry two status
 *   bytes in front of every 62 data bytes and a status-only packet after each latency period.
 *
 * URBs are completed only when the host reaps them (libusb polls the emulated descriptor),
 * which keeps all state on umockdev's ioctl thread.
 */
#include "usb_serial.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/usbdevice_fs.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define MAX_URBS 32
#define FTDI_PACKET 64
#define FTDI_STATUS_0 0x01
#define FTDI_STATUS_1 0x60

typedef enum { CHIP_CDC_ACM, CHIP_CH34X, CHIP_FTDI, CHIP_PL2303, CHIP_CP210X } Chip;
typedef enum { URB_FREE, URB_WAITING, URB_DONE, URB_DISCARDED } UrbState;

typedef struct {
    UMockdevIoctlData *urb;    /* struct usbdevfs_urb, resolved in the client */
    UMockdevIoctlData *buffer; /* its buffer, resolved (NULL when empty) */
    UrbState state;
    gint64 submitted;          /* monotonic microseconds */
    guint generation;          /* plug generation of the client that submitted it */
} Urb;

static struct {
    GMutex lock;
    Chip chip;
    const char *chip_name;
    guint8 ch34x_version;
    int relay;                 /* tty fd, or -1 for loopback */
    GByteArray *loopback;
    Urb urbs[MAX_URBS];
    guint generation;          /* bumped at every plug; a descriptor of an older one is gone */
    gboolean plugged;
    /* line state as the chip holds it */
    double baud;
    int data_bits;
    char parity;
    int stop_bits;
    int dtr, rts;
    int latency_ms;
    guint8 line_coding[7];
    gboolean enabled;          /* CP210x: IFC_ENABLE received */
} bridge = { .relay = -1, .data_bits = 8, .parity = 'N', .stop_bits = 1, .latency_ms = 16 };

static void emit_line(void) {
    printf("{\"testbed\":\"line\",\"chip\":\"%s\",\"baud\":%d,\"format\":\"%d%c%d\"}\n", bridge.chip_name,
           (int)(bridge.baud + 0.5), bridge.data_bits, bridge.parity, bridge.stop_bits);
    fflush(stdout);
}

static void emit_modem(void) {
    printf("{\"testbed\":\"modem\",\"dtr\":%s,\"rts\":%s}\n", bridge.dtr ? "true" : "false", bridge.rts ? "true" : "false");
    fflush(stdout);
}

/* ---- Decoding what the host set up ------------------------------------------------------- */

static void cdc_line_coding(const guint8 *c);

static void ch34x_divisor(guint16 word) {
    int ps = word & 0x03, fact = (word >> 2) & 0x01, div = 0x100 - (word >> 8);
    bridge.baud = 48000000.0 / ((double)(1 << (12 - 3 * ps - fact)) * div);
}

static void ch34x_line_control(guint8 lcr) {
    bridge.data_bits = 5 + (lcr & 0x03);
    bridge.parity = (lcr & 0x08) ? ((lcr & 0x10) ? 'E' : 'O') : 'N';
    bridge.stop_bits = (lcr & 0x04) ? 2 : 1;
}

static void ftdi_divisor(guint32 divisor) {
    static const int eighths_of_code[8] = { 0, 4, 2, 1, 3, 5, 6, 7 };
    if (divisor == 0) { bridge.baud = 3000000; return; }
    if (divisor == 1) { bridge.baud = 2000000; return; }
    double value = (divisor & 0x3FFF) + eighths_of_code[(divisor >> 14) & 0x07] / 8.0;
    bridge.baud = 3000000.0 / value;
}

static void ftdi_data(guint16 value) {
    static const char parities[5] = { 'N', 'O', 'E', 'M', 'S' };
    int parity = (value >> 8) & 0x07, stop = (value >> 11) & 0x07;
    bridge.data_bits = value & 0xFF;
    bridge.parity = parity < 5 ? parities[parity] : '?';
    bridge.stop_bits = stop == 2 ? 2 : 1;
}

/* PL2303 HX: a rate with bit 31 set is the divisor form (baseline 12 MHz * 32 / mantissa / 4^exponent). */
static void pl2303_line_coding(const guint8 *c) {
    cdc_line_coding(c);
    if (c[3] & 0x80) {
        int mantissa = c[0] | (c[1] & 0x01) << 8, exponent = (c[1] >> 1) & 0x07;
        bridge.baud = mantissa ? 12000000.0 * 32 / mantissa / (double)(1 << (2 * exponent)) : 0;
    }
}

static void cp210x_line_control(guint16 value) {
    static const char parities[5] = { 'N', 'O', 'E', 'M', 'S' };
    int parity = (value >> 4) & 0x0F, stop = value & 0x0F;
    bridge.data_bits = value >> 8;
    bridge.parity = parity < 5 ? parities[parity] : '?';
    bridge.stop_bits = stop == 2 ? 2 : 1;
}

static void cdc_line_coding(const guint8 *c) {
    static const char parities[5] = { 'N', 'O', 'E', 'M', 'S' };
    memcpy(bridge.line_coding, c, 7);
    bridge.baud = (double)(c[0] | c[1] << 8 | c[2] << 16 | (guint32)c[3] << 24);
    bridge.stop_bits = c[4] == 2 ? 2 : 1;
    bridge.parity = c[5] < 5 ? parities[c[5]] : '?';
    bridge.data_bits = c[6];
}

/* Answers one control request. Returns the data-stage length, or -EPIPE (stall). IN data goes
 * to `in` (room for `length` bytes). */
static int control(guint8 type, guint8 request, guint16 value, guint16 index, guint16 length,
                   const guint8 *out, guint8 *in) {
    printf("{\"testbed\":\"control\",\"type\":\"%02x\",\"request\":\"%02x\",\"value\":\"%04x\",\"index\":\"%04x\",\"length\":%u}\n",
           type, request, value, index, length);
    fflush(stdout);
    switch (bridge.chip) {
    case CHIP_CDC_ACM:
        if (type == 0x21 && request == 0x20 && length >= 7) { cdc_line_coding(out); emit_line(); return 7; }
        if (type == 0x21 && request == 0x22) { bridge.dtr = value & 1; bridge.rts = (value >> 1) & 1; emit_modem(); return 0; }
        if (type == 0xA1 && request == 0x21 && length >= 7) { memcpy(in, bridge.line_coding, 7); return 7; }
        return -EPIPE;
    case CHIP_CH34X:
        if (type == 0xC0 && request == 0x5F && length >= 2) { in[0] = bridge.ch34x_version; in[1] = 0; return 2; }
        if (type == 0xC0 && request == 0x95 && length >= 2) { in[0] = 0; in[1] = 0; return 2; }
        if (type == 0x40 && request == 0xA1) return 0;
        if (type == 0x40 && request == 0xA4) { bridge.dtr = !(value & 0x20); bridge.rts = !(value & 0x40); emit_modem(); return 0; }
        if (type == 0x40 && request == 0x9A) {
            if (value == 0x1312) { ch34x_divisor(index & 0xFF7F); emit_line(); }
            else if (value == 0x2518 && bridge.ch34x_version >= 0x30) { ch34x_line_control(index & 0xFF); emit_line(); }
            return 0;
        }
        return -EPIPE;
    case CHIP_FTDI:
        if (type == 0x40 && request == 0) return 0;
        if (type == 0x40 && request == 1) {
            if (value & 0x100) bridge.dtr = value & 1;
            if (value & 0x200) bridge.rts = (value >> 1) & 1;
            emit_modem();
            return 0;
        }
        if (type == 0x40 && request == 2) return 0;
        if (type == 0x40 && request == 3) { ftdi_divisor(value | (guint32)(index & 0x01) << 16); emit_line(); return 0; }
        if (type == 0x40 && request == 4) { ftdi_data(value); emit_line(); return 0; }
        if (type == 0x40 && request == 9) { bridge.latency_ms = value & 0xFF; return 0; }
        if (type == 0xC0 && request == 5 && length >= 2) { in[0] = FTDI_STATUS_0; in[1] = FTDI_STATUS_1; return 2; }
        if (type == 0xC0 && request == 10 && length >= 1) { in[0] = (guint8)bridge.latency_ms; return 1; }
        return -EPIPE;
    case CHIP_PL2303:
        if (type == 0xC0 && request == 0x01 && length >= 1) { in[0] = 0x00; return 1; }
        if (type == 0x40 && request == 0x01) return 0;
        if (type == 0x21 && request == 0x20 && length >= 7) { pl2303_line_coding(out); emit_line(); return 7; }
        if (type == 0xA1 && request == 0x21 && length >= 7) { memcpy(in, bridge.line_coding, 7); return 7; }
        if (type == 0x21 && request == 0x22) { bridge.dtr = value & 1; bridge.rts = (value >> 1) & 1; emit_modem(); return 0; }
        return -EPIPE;
    case CHIP_CP210X:
        if (type == 0x41 && request == 0x00) { bridge.enabled = value & 1; return 0; }
        if (type == 0x41 && request == 0x1E && length >= 4) {
            bridge.baud = (double)(out[0] | out[1] << 8 | out[2] << 16 | (guint32)out[3] << 24);
            emit_line();
            return 4;
        }
        if (type == 0x41 && request == 0x03) { cp210x_line_control(value); emit_line(); return 0; }
        if (type == 0x41 && request == 0x07) {
            if (value & 0x100) bridge.dtr = value & 1;
            if (value & 0x200) bridge.rts = (value >> 1) & 1;
            emit_modem();
            return 0;
        }
        if (type == 0x41 && request == 0x13) return length;
        if (type == 0xC1 && request == 0x1D && length >= 4) {
            guint32 b = (guint32)bridge.baud;
            in[0] = b & 0xFF; in[1] = (b >> 8) & 0xFF; in[2] = (b >> 16) & 0xFF; in[3] = b >> 24;
            return 4;
        }
        return -EPIPE;
    }
    return -EPIPE;
}

/* ---- Data ---------------------------------------------------------------------------------- */

static void data_out(const guint8 *bytes, int length) {
    if (bridge.chip == CHIP_CP210X && !bridge.enabled) return; /* the UART is off until IFC_ENABLE */
    if (bridge.relay < 0) {
        g_byte_array_append(bridge.loopback, bytes, (guint)length);
        return;
    }
    int offset = 0;
    while (offset < length) {
        ssize_t n = write(bridge.relay, bytes + offset, (size_t)(length - offset));
        if (n > 0) { offset += (int)n; continue; }
        if (n < 0 && errno == EAGAIN) { usleep(1000); continue; }
        break;
    }
}

/* Up to `room` received bytes into `into`; returns how many. */
static int data_in(guint8 *into, int room) {
    if (room <= 0) return 0;
    if (bridge.relay < 0) {
        int n = MIN(room, (int)bridge.loopback->len);
        memcpy(into, bridge.loopback->data, (size_t)n);
        g_byte_array_remove_range(bridge.loopback, 0, (guint)n);
        return n;
    }
    ssize_t n = read(bridge.relay, into, (size_t)room);
    return n > 0 ? (int)n : 0;
}

/* ---- URBs ---------------------------------------------------------------------------------- */

static struct usbdevfs_urb header_of(Urb *u) {
    struct usbdevfs_urb copy;
    memcpy(&copy, u->urb->data, sizeof copy);
    return copy;
}

static void finish(Urb *u, int status, int actual) {
    struct usbdevfs_urb copy = header_of(u);
    copy.status = status;
    copy.actual_length = actual;
    umockdev_ioctl_data_update(u->urb, 0, (guint8 *)&copy, sizeof copy);
    u->state = URB_DONE;
}

/* Tries to complete a waiting bulk IN URB. */
static void fill_in(Urb *u, gint64 now) {
    struct usbdevfs_urb h = header_of(u);
    int room = h.buffer_length;
    guint8 *staging = g_malloc0((gsize)MAX(room, 1));
    int filled = 0;
    if (bridge.chip == CHIP_FTDI) {
        while (room - filled > 2) {
            int packet = MIN(FTDI_PACKET, room - filled);
            int n = data_in(staging + filled + 2, packet - 2);
            if (n == 0 && filled > 0) break;
            if (n == 0 && now - u->submitted < (gint64)bridge.latency_ms * 1000) break;
            staging[filled] = FTDI_STATUS_0;
            staging[filled + 1] = FTDI_STATUS_1;
            filled += 2 + n;
            if (n < packet - 2) break; /* a short packet ends the transfer */
        }
    } else {
        filled = data_in(staging, room);
    }
    if (filled > 0) {
        umockdev_ioctl_data_update(u->buffer, 0, staging, filled);
        finish(u, 0, filled);
    }
    g_free(staging);
}

static void release(Urb *u) {
    if (u->buffer) g_object_unref(u->buffer);
    if (u->urb) g_object_unref(u->urb);
    memset(u, 0, sizeof *u);
}

static int submit(UMockdevIoctlData *arg) {
    GError *error = NULL;
    UMockdevIoctlData *urb = umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_urb), &error);
    if (urb == NULL) return -EFAULT;
    struct usbdevfs_urb h;
    memcpy(&h, urb->data, sizeof h);
    UMockdevIoctlData *buffer = NULL;
    if (h.buffer_length > 0) {
        buffer = umockdev_ioctl_data_resolve(urb, G_STRUCT_OFFSET(struct usbdevfs_urb, buffer), (gsize)h.buffer_length, &error);
        if (buffer == NULL) return -EFAULT;
    }
    int slot = -1;
    for (int i = 0; i < MAX_URBS; i++) if (bridge.urbs[i].state == URB_FREE) { slot = i; break; }
    if (slot < 0) return -ENOMEM;
    Urb *u = &bridge.urbs[slot];
    u->urb = g_object_ref(urb);
    u->buffer = buffer ? g_object_ref(buffer) : NULL;
    u->submitted = g_get_monotonic_time();
    u->state = URB_WAITING;
    u->generation = bridge.generation;

    if (h.type == USBDEVFS_URB_TYPE_CONTROL) {
        guint8 *setup = buffer ? buffer->data : NULL;
        if (setup == NULL || h.buffer_length < 8) { finish(u, -EPIPE, 0); return 0; }
        guint16 value = setup[2] | setup[3] << 8, index = setup[4] | setup[5] << 8, length = setup[6] | setup[7] << 8;
        guint16 room = (guint16)MIN(length, h.buffer_length - 8);
        guint8 *in = g_malloc0((gsize)room + 1);
        int result = control(setup[0], setup[1], value, index, room, setup + 8, in);
        if (result < 0) {
            finish(u, result, 0);
        } else {
            if ((setup[0] & 0x80) && result > 0) umockdev_ioctl_data_update(buffer, 8, in, result);
            finish(u, 0, result);
        }
        g_free(in);
    } else if (h.type == USBDEVFS_URB_TYPE_BULK && !(h.endpoint & 0x80)) {
        if (buffer) data_out(buffer->data, h.buffer_length);
        finish(u, 0, h.buffer_length);
    } else if (h.type != USBDEVFS_URB_TYPE_BULK) {
        finish(u, -EPIPE, 0); /* no interrupt or isochronous traffic here */
    }
    return 0;
}

static int discard(UMockdevIoctlData *arg) {
    gulong address = 0;
    memcpy(&address, arg->data, sizeof address);
    for (int i = 0; i < MAX_URBS; i++) {
        Urb *u = &bridge.urbs[i];
        if (u->state == URB_WAITING && u->urb->client_addr == address) {
            finish(u, -ENOENT, 0);
            u->state = URB_DISCARDED;
            return 0;
        }
    }
    return -EINVAL;
}

/* The oldest finished URB of `generation`; waiting bulk IN URBs are filled first when `fill`. */
static Urb *reapable(guint generation, gboolean fill) {
    gint64 now = g_get_monotonic_time();
    Urb *oldest = NULL;
    for (int i = 0; i < MAX_URBS; i++) {
        Urb *u = &bridge.urbs[i];
        if (u->state == URB_FREE || u->generation != generation) continue;
        if (fill && u->state == URB_WAITING) fill_in(u, now);
        if ((u->state == URB_DONE || u->state == URB_DISCARDED) && (!oldest || u->submitted < oldest->submitted)) oldest = u;
    }
    return oldest;
}

/* REAPURB: hands the oldest finished URB to the client. */
static int reap(UMockdevIoctlData *arg, guint generation, gboolean fill, int none) {
    GError *error = NULL;
    Urb *done = reapable(generation, fill);
    if (done == NULL) return none;
    UMockdevIoctlData *slot = umockdev_ioctl_data_resolve(arg, 0, sizeof(void *), &error);
    if (slot == NULL) {
        g_clear_error(&error);
        return -EFAULT;
    }
    umockdev_ioctl_data_set_ptr(slot, 0, done->urb);
    release(done);
    return 0;
}

static void answer(UMockdevIoctlClient *client, int result) {
    umockdev_ioctl_client_complete(client, result < 0 ? -1 : result, result < 0 ? -result : 0);
}

static gboolean handle_ioctl(UMockdevIoctlBase *base, UMockdevIoctlClient *client, gpointer user) {
    (void)base; (void)user;
    gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
    GError *error = NULL;

    g_mutex_lock(&bridge.lock);
    guint seen = GPOINTER_TO_UINT(g_object_get_data(G_OBJECT(client), "hall-generation"));
    if (seen == 0) {
        seen = bridge.generation;
        g_object_set_data(G_OBJECT(client), "hall-generation", GUINT_TO_POINTER(seen));
    }
    int result = -ENOTTY;
    if (!bridge.plugged || seen != bridge.generation) {
        /* Gone, as usbfs after a disconnect: URBs killed by the unplug can still be reaped, then ENODEV. */
        gboolean reaping = request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY;
        result = reaping ? reap(arg, seen, FALSE, -ENODEV) : -ENODEV;
    } else if (request == USBDEVFS_GET_CAPABILITIES) {
        UMockdevIoctlData *caps = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), &error);
        guint32 none = 0;
        if (caps) umockdev_ioctl_data_update(caps, 0, (guint8 *)&none, sizeof none);
        result = caps ? 0 : -EFAULT;
    } else if (request == USBDEVFS_CLAIMINTERFACE || request == USBDEVFS_RELEASEINTERFACE ||
               request == USBDEVFS_CLEAR_HALT || request == USBDEVFS_RESETEP) {
        result = 0;
    } else if (request == USBDEVFS_GETDRIVER) {
        result = -ENODATA; /* no kernel driver bound: why libusb is used */
    } else if (request == USBDEVFS_SUBMITURB) {
        result = submit(arg);
    } else if (request == (gulong)USBDEVFS_DISCARDURB) {
        result = discard(arg);
    } else if (request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY) {
        result = reap(arg, seen, TRUE, -EAGAIN);
    }
    g_mutex_unlock(&bridge.lock);
    if (error) g_error_free(error);
    answer(client, result);
    return TRUE;
}

static int open_relay(const char *path) {
    int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -1;
    struct termios t;
    if (tcgetattr(fd, &t) == 0) {
        cfmakeraw(&t);
        tcsetattr(fd, TCSANOW, &t);
    }
    return fd;
}

gboolean usb_serial_attach(UMockdevTestbed *testbed, const char *devnode, const char *spec, GError **error) {
    gchar **parts = g_strsplit(spec, ":", 2);
    const char *chip = parts[0];
    bridge.ch34x_version = 0x31;
    if (strcmp(chip, "cdc-acm") == 0) { bridge.chip = CHIP_CDC_ACM; bridge.chip_name = "cdc-acm"; }
    else if (strcmp(chip, "ch34x") == 0) { bridge.chip = CHIP_CH34X; bridge.chip_name = "ch34x"; }
    else if (strcmp(chip, "ch34x-v27") == 0) { bridge.chip = CHIP_CH34X; bridge.chip_name = "ch34x"; bridge.ch34x_version = 0x27; }
    else if (strcmp(chip, "ftdi") == 0) { bridge.chip = CHIP_FTDI; bridge.chip_name = "ftdi"; }
    else if (strcmp(chip, "pl2303") == 0) { bridge.chip = CHIP_PL2303; bridge.chip_name = "pl2303"; }
    else if (strcmp(chip, "cp210x") == 0) { bridge.chip = CHIP_CP210X; bridge.chip_name = "cp210x"; }
    else {
        g_set_error(error, g_quark_from_static_string("hall-usb-serial"), 1, "unknown USB-serial chip %s", chip);
        g_strfreev(parts);
        return FALSE;
    }
    bridge.loopback = g_byte_array_new();
    bridge.baud = 0; /* unknown until the host sets it */
    if (parts[1] != NULL && parts[1][0] != '\0') {
        bridge.relay = open_relay(parts[1]);
        if (bridge.relay < 0) {
            g_set_error(error, g_quark_from_static_string("hall-usb-serial"), 2, "relay %s: %s", parts[1], strerror(errno));
            g_strfreev(parts);
            return FALSE;
        }
    }
    g_strfreev(parts);
    usb_serial_plugged();
    UMockdevIoctlBase *handler = umockdev_ioctl_base_new();
    g_signal_connect(handler, "handle-ioctl", G_CALLBACK(handle_ioctl), NULL);
    return umockdev_testbed_attach_ioctl(testbed, devnode, handler, error);
}

void usb_serial_unplugged(void) {
    g_mutex_lock(&bridge.lock);
    bridge.plugged = FALSE;
    /* The kernel kills a disconnected device's URBs: they complete with -ESHUTDOWN. */
    for (int i = 0; i < MAX_URBS; i++) if (bridge.urbs[i].state == URB_WAITING) finish(&bridge.urbs[i], -ESHUTDOWN, 0);
    g_mutex_unlock(&bridge.lock);
}

void usb_serial_plugged(void) {
    g_mutex_lock(&bridge.lock);
    bridge.plugged = TRUE;
    bridge.generation++;
    g_mutex_unlock(&bridge.lock);
}
