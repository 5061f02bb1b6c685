/*
 * A USB printer that accepts every URB but never completes one, like a printer that is
 * offline with a full buffer. Pending URBs finish only when the host discards them
 * (libusb does that on a transfer timeout), with status -ENOENT.
 *
 * usbdevfs ioctls are answered through UMockdevIoctlBase's "handle-ioctl" signal; the
 * argument of each ioctl is resolved in the client's memory as umockdev's API requires.
 */
#include "silent_printer.h"

#include <errno.h>
#include <sys/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <string.h>

#define MAX_PENDING 16

typedef struct {
    UMockdevIoctlData *urb; /* resolved struct usbdevfs_urb in the client */
    int discarded;
} PendingUrb;

static PendingUrb pending[MAX_PENDING];
static GMutex pending_lock;

static void set_status(UMockdevIoctlData *urb, int status) {
    struct usbdevfs_urb copy;
    memcpy(&copy, urb->data, sizeof copy);
    copy.status = status;
    copy.actual_length = 0;
    umockdev_ioctl_data_update(urb, 0, (guint8 *)&copy, sizeof copy);
}

static gboolean handle_ioctl(UMockdevIoctlBase *base, UMockdevIoctlClient *client, gpointer user) {
    (void)base; (void)user;
    gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
    GError *error = NULL;

    if (request == USBDEVFS_GET_CAPABILITIES) {
        UMockdevIoctlData *caps = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), &error);
        guint32 none = 0;
        if (caps == NULL) { umockdev_ioctl_client_complete(client, -1, EFAULT); return TRUE; }
        umockdev_ioctl_data_update(caps, 0, (guint8 *)&none, sizeof none);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    if (request == USBDEVFS_CLAIMINTERFACE || request == USBDEVFS_RELEASEINTERFACE ||
        request == USBDEVFS_CLEAR_HALT || request == USBDEVFS_RESETEP) {
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    if (request == USBDEVFS_GETDRIVER) {
        umockdev_ioctl_client_complete(client, -1, ENODATA);
        return TRUE;
    }
    if (request == USBDEVFS_SUBMITURB) {
        UMockdevIoctlData *urb = umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_urb), &error);
        if (urb == NULL) { umockdev_ioctl_client_complete(client, -1, EFAULT); return TRUE; }
        g_mutex_lock(&pending_lock);
        int slot = -1;
        for (int i = 0; i < MAX_PENDING; i++) if (pending[i].urb == NULL) { slot = i; break; }
        if (slot >= 0) { pending[slot].urb = g_object_ref(urb); pending[slot].discarded = 0; }
        g_mutex_unlock(&pending_lock);
        umockdev_ioctl_client_complete(client, slot >= 0 ? 0 : -1, slot >= 0 ? 0 : ENOMEM);
        return TRUE;
    }
    if (request == (gulong)USBDEVFS_DISCARDURB) {
        /* the argument is the URB's address in the client */
        gulong address = 0;
        memcpy(&address, arg->data, sizeof address);
        int found = 0;
        g_mutex_lock(&pending_lock);
        for (int i = 0; i < MAX_PENDING; i++) {
            if (pending[i].urb != NULL && pending[i].urb->client_addr == address && !pending[i].discarded) {
                set_status(pending[i].urb, -ENOENT);
                pending[i].discarded = 1;
                found = 1;
            }
        }
        g_mutex_unlock(&pending_lock);
        umockdev_ioctl_client_complete(client, found ? 0 : -1, found ? 0 : EINVAL);
        return TRUE;
    }
    if (request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY) {
        UMockdevIoctlData *done = NULL;
        g_mutex_lock(&pending_lock);
        for (int i = 0; i < MAX_PENDING; i++) {
            if (pending[i].urb != NULL && pending[i].discarded) {
                done = pending[i].urb;
                pending[i].urb = NULL;
                break;
            }
        }
        g_mutex_unlock(&pending_lock);
        if (done == NULL) { umockdev_ioctl_client_complete(client, -1, EAGAIN); return TRUE; }
        UMockdevIoctlData *slot = umockdev_ioctl_data_resolve(arg, 0, sizeof(void *), &error);
        if (slot == NULL) { umockdev_ioctl_client_complete(client, -1, EFAULT); return TRUE; }
        umockdev_ioctl_data_set_ptr(slot, 0, done);
        g_object_unref(done);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    umockdev_ioctl_client_complete(client, -1, ENOTTY);
    return TRUE;
}

gboolean silent_printer_attach(UMockdevTestbed *testbed, const char *devnode, GError **error) {
    UMockdevIoctlBase *handler = umockdev_ioctl_base_new();
    g_signal_connect(handler, "handle-ioctl", G_CALLBACK(handle_ioctl), NULL);
    return umockdev_testbed_attach_ioctl(testbed, devnode, handler, error);
}
