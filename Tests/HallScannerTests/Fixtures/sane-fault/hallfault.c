/*
 * hallfault: a SANE backend that misbehaves on purpose, for Hall's tests of scanning in a child
 * process. Built by scripts/sane-fault-backend.sh as libsane-hallfault.so.1 and loaded by libsane's
 * dll backend (dll.conf line "hallfault", the library's folder on LD_LIBRARY_PATH).
 *
 * Devices (what sane_get_devices lists, and what each does once opened):
 *   hallfault:good      a 16x8 grey ramp, then EOF (the protocol works through this backend)
 *   hallfault:deadlock  sane_read waits for a lock that a backend thread took and died holding
 *   hallfault:segv      sane_start dereferences a null pointer (SIGSEGV)
 *   hallfault:abort     sane_read calls abort() (SIGABRT)
 *   hallfault:exit      sane_read calls exit(3), as a broken backend may
 *
 * hallfault.conf in the first folder of SANE_CONFIG_DIR may hold "list deadlock" or "list segv":
 * then sane_get_devices itself deadlocks or crashes.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sane/sane.h>
#include <sane/saneopts.h>

enum behaviour { GOOD, DEADLOCK, SEGV, ABORT, EXIT };

static const struct { const char *name; enum behaviour behaviour; } known[] = {
  {"good", GOOD}, {"deadlock", DEADLOCK}, {"segv", SEGV},
  {"abort", ABORT}, {"exit", EXIT},
};
#define KNOWN (sizeof known / sizeof known[0])

static SANE_Device devices[KNOWN];
static const SANE_Device *device_list[KNOWN + 1];

struct handle { enum behaviour behaviour; int sent; int started; };

static pthread_mutex_t orphaned = PTHREAD_MUTEX_INITIALIZER;

static void *take_lock_and_die(void *unused) {
  (void) unused;
  pthread_mutex_lock(&orphaned);
  return NULL;  /* ends holding the lock, as a backend reader thread killed at the wrong moment */
}

/* Blocks for ever: the lock's owner is gone. */
static void deadlock(void) {
  pthread_t thread;
  if (pthread_create(&thread, NULL, take_lock_and_die, NULL) == 0) pthread_join(thread, NULL);
  pthread_mutex_lock(&orphaned);
}

/* A pointer the compiler cannot prove null, so the write below really happens. */
volatile int *volatile hallfault_nowhere = NULL;

static void crash(void) { *hallfault_nowhere = 1; }

/* "deadlock", "segv" or "" from hallfault.conf's "list" line. */
static void list_fault(char *out, size_t size) {
  out[0] = 0;
  const char *dirs = getenv("SANE_CONFIG_DIR");
  if (!dirs) return;
  char path[4096];
  size_t length = strcspn(dirs, ":");
  if (length + sizeof "/hallfault.conf" > sizeof path) return;
  memcpy(path, dirs, length);
  strcpy(path + length, "/hallfault.conf");
  FILE *file = fopen(path, "r");
  if (!file) return;
  char line[256];
  while (fgets(line, sizeof line, file)) {
    if (strncmp(line, "list ", 5) == 0) {
      snprintf(out, size, "%s", line + 5);
      out[strcspn(out, " \r\n")] = 0;
    }
  }
  fclose(file);
}

SANE_Status sane_hallfault_init(SANE_Int *version, SANE_Auth_Callback authorize) {
  (void) authorize;
  if (version) *version = SANE_VERSION_CODE(SANE_CURRENT_MAJOR, SANE_CURRENT_MINOR, 0);
  for (size_t i = 0; i < KNOWN; i++) {
    devices[i] = (SANE_Device) {known[i].name, "Hall", "fault injector", "virtual device"};
    device_list[i] = &devices[i];
  }
  device_list[KNOWN] = NULL;
  return SANE_STATUS_GOOD;
}

void sane_hallfault_exit(void) {}

SANE_Status sane_hallfault_get_devices(const SANE_Device ***list, SANE_Bool local_only) {
  (void) local_only;
  char fault[64];
  list_fault(fault, sizeof fault);
  if (strcmp(fault, "deadlock") == 0) deadlock();
  if (strcmp(fault, "segv") == 0) crash();
  *list = device_list;
  return SANE_STATUS_GOOD;
}

SANE_Status sane_hallfault_open(SANE_String_Const name, SANE_Handle *out) {
  for (size_t i = 0; i < KNOWN; i++) {
    if (strcmp(name, known[i].name) == 0) {
      struct handle *handle = calloc(1, sizeof *handle);
      if (!handle) return SANE_STATUS_NO_MEM;
      handle->behaviour = known[i].behaviour;
      *out = handle;
      return SANE_STATUS_GOOD;
    }
  }
  return SANE_STATUS_INVAL;
}

void sane_hallfault_close(SANE_Handle handle) { free(handle); }

static SANE_Option_Descriptor option_count = {
  SANE_NAME_NUM_OPTIONS, SANE_TITLE_NUM_OPTIONS, SANE_DESC_NUM_OPTIONS,
  SANE_TYPE_INT, SANE_UNIT_NONE, sizeof(SANE_Word), SANE_CAP_SOFT_DETECT, SANE_CONSTRAINT_NONE, {.range = NULL},
};

const SANE_Option_Descriptor *sane_hallfault_get_option_descriptor(SANE_Handle handle, SANE_Int option) {
  (void) handle;
  return option == 0 ? &option_count : NULL;
}

SANE_Status sane_hallfault_control_option(SANE_Handle handle, SANE_Int option, SANE_Action action, void *value, SANE_Int *info) {
  (void) handle;
  if (info) *info = 0;
  if (option != 0 || action != SANE_ACTION_GET_VALUE) return SANE_STATUS_INVAL;
  *(SANE_Word *) value = 1;
  return SANE_STATUS_GOOD;
}

enum { WIDTH = 16, LINES = 8 };

SANE_Status sane_hallfault_get_parameters(SANE_Handle handle, SANE_Parameters *parameters) {
  (void) handle;
  *parameters = (SANE_Parameters) {SANE_FRAME_GRAY, SANE_TRUE, WIDTH, WIDTH, LINES, 8};
  return SANE_STATUS_GOOD;
}

SANE_Status sane_hallfault_start(SANE_Handle handle) {
  struct handle *h = handle;
  if (h->behaviour == SEGV) crash();
  h->sent = 0;
  h->started = 1;
  return SANE_STATUS_GOOD;
}

SANE_Status sane_hallfault_read(SANE_Handle handle, SANE_Byte *data, SANE_Int max, SANE_Int *length) {
  struct handle *h = handle;
  *length = 0;
  switch (h->behaviour) {
  case DEADLOCK: deadlock(); break;
  case ABORT: abort();
  case EXIT: exit(3);
  default: break;
  }
  if (!h->started) return SANE_STATUS_INVAL;
  int left = WIDTH * LINES - h->sent;
  if (left <= 0) return SANE_STATUS_EOF;
  int count = left < max ? left : max;
  for (int i = 0; i < count; i++) data[i] = (SANE_Byte) ((h->sent + i) * 2);
  h->sent += count;
  *length = count;
  return SANE_STATUS_GOOD;
}

void sane_hallfault_cancel(SANE_Handle handle) { ((struct handle *) handle)->started = 0; }

SANE_Status sane_hallfault_set_io_mode(SANE_Handle handle, SANE_Bool non_blocking) {
  (void) handle;
  return non_blocking ? SANE_STATUS_UNSUPPORTED : SANE_STATUS_GOOD;
}

SANE_Status sane_hallfault_get_select_fd(SANE_Handle handle, SANE_Int *fd) {
  (void) handle;
  (void) fd;
  return SANE_STATUS_UNSUPPORTED;
}
