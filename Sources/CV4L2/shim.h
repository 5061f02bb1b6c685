// V4L2 from the kernel's UAPI headers (linux-libc-dev). The ioctl request numbers are function-like
// macros that Swift cannot import, so small inline wrappers expose the calls Hall uses.
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
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

// Streaming I/O (memory-mapped buffers).
static inline int hall_v4l2_enum_fmt(int fd, struct v4l2_fmtdesc *desc) {
    return ioctl(fd, VIDIOC_ENUM_FMT, desc);
}

static inline int hall_v4l2_reqbufs(int fd, struct v4l2_requestbuffers *request) {
    return ioctl(fd, VIDIOC_REQBUFS, request);
}

static inline int hall_v4l2_querybuf(int fd, struct v4l2_buffer *buffer) {
    return ioctl(fd, VIDIOC_QUERYBUF, buffer);
}

static inline int hall_v4l2_qbuf(int fd, struct v4l2_buffer *buffer) {
    return ioctl(fd, VIDIOC_QBUF, buffer);
}

static inline int hall_v4l2_dqbuf(int fd, struct v4l2_buffer *buffer) {
    return ioctl(fd, VIDIOC_DQBUF, buffer);
}

static inline int hall_v4l2_streamon(int fd, int type) {
    return ioctl(fd, VIDIOC_STREAMON, &type);
}

static inline int hall_v4l2_streamoff(int fd, int type) {
    return ioctl(fd, VIDIOC_STREAMOFF, &type);
}

/// The mmap offset of a single-planar MMAP buffer (a union member Swift sees awkwardly).
static inline unsigned int hall_v4l2_buffer_offset(const struct v4l2_buffer *buffer) {
    return buffer->m.offset;
}

static inline unsigned long hall_vidioc_querycap(void) { return VIDIOC_QUERYCAP; }
static inline unsigned long hall_vidioc_g_fmt(void) { return VIDIOC_G_FMT; }
static inline unsigned long hall_vidioc_s_fmt(void) { return VIDIOC_S_FMT; }
static inline unsigned long hall_vidioc_enum_fmt(void) { return VIDIOC_ENUM_FMT; }
static inline unsigned long hall_vidioc_reqbufs(void) { return VIDIOC_REQBUFS; }
static inline unsigned long hall_vidioc_querybuf(void) { return VIDIOC_QUERYBUF; }
static inline unsigned long hall_vidioc_qbuf(void) { return VIDIOC_QBUF; }
static inline unsigned long hall_vidioc_dqbuf(void) { return VIDIOC_DQBUF; }
static inline unsigned long hall_vidioc_streamon(void) { return VIDIOC_STREAMON; }
static inline unsigned long hall_vidioc_streamoff(void) { return VIDIOC_STREAMOFF; }
