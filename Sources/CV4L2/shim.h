// V4L2 from the kernel's UAPI headers (linux-libc-dev). The ioctl request numbers are function-like
// macros that Swift cannot import, so small inline wrappers expose the calls Hall uses.
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <errno.h>

static inline int hall_v4l2_querycap(int fd, struct v4l2_capability *cap) {
    return ioctl(fd, VIDIOC_QUERYCAP, cap);
}

static inline int hall_v4l2_g_fmt(int fd, struct v4l2_format *fmt) {
    return ioctl(fd, VIDIOC_G_FMT, fmt);
}

static inline int hall_v4l2_s_fmt(int fd, struct v4l2_format *fmt) {
    return ioctl(fd, VIDIOC_S_FMT, fmt);
}

static inline unsigned long hall_vidioc_querycap(void) { return VIDIOC_QUERYCAP; }
static inline unsigned long hall_vidioc_g_fmt(void) { return VIDIOC_G_FMT; }
static inline unsigned long hall_vidioc_s_fmt(void) { return VIDIOC_S_FMT; }
