/*
 * lockd-driver: drives libvirt's own lock-manager plugin (lockd.so, Debian's libvirt 9.0.0) the way
 * libvirt's QEMU driver does, so that integration tests can run the real client against a virtlockd,
 * ours or libvirt's, and compare.
 *
 * Build (the JUnit test does this):  gcc -O2 -Wall -o lockd-driver lockd-driver.c -ldl -lvirt
 *
 * The process plays libvirtd; every guest "QEMU" it starts is a child that re-executes this program
 * in holder mode. It must run unprivileged (the plugin then uses $XDG_RUNTIME_DIR/libvirt/virtlockd-sock)
 * with a daemon already listening there; set VIRTLOCKD_PATH to a program that cannot start a daemon
 * (e.g. /bin/false) so that the plugin's autostart can never hide a missing daemon.
 *
 * Commands, one per line on standard input; every command answers exactly one line on standard output:
 *   "ok [detail]" or "error <code> <domain> <message>" (virErrorNumber, virErrorDomain, libvirt's text).
 *
 *   init CONFIGFILE              drvInit(version 1.0.0, CONFIGFILE, 0). Spec 2.4 A: one CREATE_LOCKSPACE
 *                                connection for each *_lockspace_dir set in the file (qemu-lockd.conf).
 *   define NAME ID UUIDHEX       records a guest definition (no traffic). UUID: 32 hex digits, '-' ignored.
 *   disk NAME PATH [MODE]        adds a disk to the definition (no traffic); MODE: rw (default), shared,
 *                                readonly.
 *   start NAME [paused]          spec 2.4 B then C. B: fork a child (the future QEMU); the child calls
 *                                drvNew(pid = its own pid, NEW_STARTED) with all disks and
 *                                drvAcquire(REGISTER_ONLY|RESTRICT, &fd) -> REGISTER, RESTRICT; it keeps the
 *                                returned descriptor and execs this program as "holder FD REPORT", so the
 *                                connection stays open for the holder's whole life, as QEMU's does.
 *                                C (unless "paused"): as "resume". If C fails the guest is torn down like
 *                                libvirt does: the holder is killed (SIGKILL) and reaped, the error returned.
 *                                Answers "ok pid <holder pid>".
 *   resume NAME                  spec 2.4 C/E: drvNew(pid = holder pid) with all disks, drvAcquire(0):
 *                                REGISTER, one ACQUIRE_RESOURCE per lockable disk, close.
 *   pause NAME                   spec 2.4 D: drvNew with all disks, drvRelease(0): REGISTER, one
 *                                RELEASE_RESOURCE per lockable disk, close.
 *   attach NAME PATH [MODE]      spec 2.4 G hotplug: drvNew without resources, AddResource(PATH),
 *                                drvAcquire(0): REGISTER, ACQUIRE_RESOURCE, close. Adds the disk on success.
 *   detach NAME PATH             spec 2.4 G unplug: REGISTER, RELEASE_RESOURCE, close. Removes the disk.
 *   crash NAME                   spec 2.4 F: the holder is killed with SIGKILL and reaped; the driver sends
 *                                nothing, the daemon's holder rule (3.7) must release the guest's locks.
 *                                Answers "ok signal 9".
 *   drop NAME [MILLIS]           holder rule with a live holder (3.7): the holder closes its connection and
 *                                keeps running; the daemon must release the locks and SIGTERM it. Waits up
 *                                to MILLIS (default 10 s) for its death; answers "ok signal N" /
 *                                "ok exited N", or "error -1 -1 the holder did not die in time".
 *   pid NAME                     answers "ok pid <holder pid>" (0 when no holder runs).
 *   wait NAME MILLIS             waits for the holder's death: "ok signal N" / "ok exited N" / error.
 *   quit                         kills and reaps every holder still running, then exits 0 (same on EOF).
 *
 * Holders also die with SIGKILL when this process dies (PR_SET_PDEATHSIG): nothing outlives a test.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define PLUGIN "/usr/lib/x86_64-linux-gnu/libvirt/lock-driver/lockd.so"

/* ---- Declarations from libvirt 9.0.0 src/locking/lock_driver.h (an internal header that libvirt-dev
 * does not ship). Layout: { unsigned version, flags; then 8 function pointers } and the param union. */
typedef struct _virLockManager virLockManager;
typedef struct _virLockDriver virLockDriver;

struct _virLockManager {
    virLockDriver *driver;
    void *privateData;
};

enum { PARAM_TYPE_STRING, PARAM_TYPE_CSTRING, PARAM_TYPE_INT, PARAM_TYPE_LONG, PARAM_TYPE_UINT,
       PARAM_TYPE_ULONG, PARAM_TYPE_DOUBLE, PARAM_TYPE_UUID };

typedef struct {
    int type;
    const char *key;
    union {
        int iv;
        long long l;
        unsigned int ui;
        unsigned long long ul;
        double d;
        char *str;
        const char *cstr;
        unsigned char uuid[16];
    } value;
} virLockManagerParam;

struct _virLockDriver {
    unsigned int version;
    unsigned int flags;
    int (*drvInit)(unsigned int version, const char *configFile, unsigned int flags);
    int (*drvDeinit)(void);
    int (*drvNew)(virLockManager *man, unsigned int type, size_t nparams, virLockManagerParam *params,
                  unsigned int flags);
    void (*drvFree)(virLockManager *man);
    int (*drvAddResource)(virLockManager *man, unsigned int type, const char *name, size_t nparams,
                          virLockManagerParam *params, unsigned int flags);
    int (*drvAcquire)(virLockManager *man, const char *state, unsigned int flags, int action, int *fd);
    int (*drvRelease)(virLockManager *man, char **state, unsigned int flags);
    int (*drvInquire)(virLockManager *man, char **state, unsigned int flags);
};

#define LOCK_MANAGER_VERSION 1000000            /* VIR_LOCK_MANAGER_VERSION 1.0.0 */
#define OBJECT_TYPE_DOMAIN 0                     /* VIR_LOCK_MANAGER_OBJECT_TYPE_DOMAIN */
#define RESOURCE_TYPE_DISK 0                     /* VIR_LOCK_MANAGER_RESOURCE_TYPE_DISK */
#define RESOURCE_READONLY (1 << 0)               /* VIR_LOCK_MANAGER_RESOURCE_READONLY */
#define RESOURCE_SHARED (1 << 1)                 /* VIR_LOCK_MANAGER_RESOURCE_SHARED */
#define ACQUIRE_REGISTER_ONLY (1 << 0)           /* VIR_LOCK_MANAGER_ACQUIRE_REGISTER_ONLY */
#define ACQUIRE_RESTRICT (1 << 1)                /* VIR_LOCK_MANAGER_ACQUIRE_RESTRICT */
#define NEW_STARTED (1 << 0)                     /* VIR_LOCK_MANAGER_NEW_STARTED */
#define ACTION_DEFAULT 0                         /* VIR_DOMAIN_LOCK_FAILURE_DEFAULT */

/* ---- The driver's own model: a few guests, each with disks and at most one holder. */
#define MAX_DOMAINS 8
#define MAX_DISKS 16
#define LINE_MAX_LEN 4096
#define DROP_WAIT_MILLIS 10000

struct disk {
    char *path;
    unsigned int flags;
};

struct domain {
    char *name;
    int id;
    unsigned char uuid[16];
    struct disk disks[MAX_DISKS];
    int ndisks;
    pid_t holder;
};

static virLockDriver *plugin;
static struct domain domains[MAX_DOMAINS];
static int ndomains;

/* Holders reaped by the SIGCHLD handler, like libvirtd reaps QEMU at once. */
static volatile sig_atomic_t reapedPid[64];
static volatile sig_atomic_t reapedStatus[64];

static void onChild(int sig)
{
    int saved = errno, status;
    pid_t pid;
    (void)sig;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        for (int i = 0; i < 64; i++) {
            if (reapedPid[i] == 0) {
                reapedStatus[i] = status;
                reapedPid[i] = pid;
                break;
            }
        }
    }
    errno = saved;
}

/* Waits up to millis for pid to be reaped; returns its wait status or -1. */
static int awaitReaped(pid_t pid, long millis)
{
    struct timespec tick = { 0, 10 * 1000 * 1000 };
    for (long waited = 0; waited <= millis; waited += 10) {
        for (int i = 0; i < 64; i++) {
            if (reapedPid[i] == pid) {
                int status = reapedStatus[i];
                reapedPid[i] = 0;
                return status;
            }
        }
        nanosleep(&tick, NULL);
    }
    return -1;
}

static void reply(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

/* Answers with libvirt's last error (code, domain, message), as libvirtd would log it. */
static void replyError(void)
{
    virErrorPtr err = virGetLastError();
    if (err)
        reply("error %d %d %s", err->code, err->domain, err->message ? err->message : "");
    else
        reply("error -1 -1 the plugin failed without reporting an error");
}

static void replyDeath(int status)
{
    if (status < 0)
        reply("error -1 -1 the holder did not die in time");
    else if (WIFSIGNALED(status))
        reply("ok signal %d", WTERMSIG(status));
    else
        reply("ok exited %d", WEXITSTATUS(status));
}

static struct domain *findDomain(const char *name)
{
    for (int i = 0; name && i < ndomains; i++)
        if (strcmp(domains[i].name, name) == 0)
            return &domains[i];
    reply("error -1 -1 no domain %s", name ? name : "(missing)");
    return NULL;
}

static int parseUuid(const char *text, unsigned char *uuid)
{
    int n = 0;
    for (const char *p = text; *p && n < 32; p++) {
        char c = *p;
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (c == '-')
            continue;
        if (v < 0)
            return -1;
        uuid[n / 2] = (unsigned char)(n % 2 ? uuid[n / 2] | v : v << 4);
        n++;
    }
    return n == 32 ? 0 : -1;
}

static int parseMode(const char *mode, unsigned int *flags)
{
    if (!mode || strcmp(mode, "rw") == 0)
        *flags = 0;
    else if (strcmp(mode, "shared") == 0)
        *flags = RESOURCE_SHARED;
    else if (strcmp(mode, "readonly") == 0)
        *flags = RESOURCE_READONLY;
    else
        return -1;
    return 0;
}

/* virDomainLockManagerNew: uuid, name, id, pid (and uri, which lockd ignores), then the disks. */
static virLockManager *newManager(struct domain *dom, pid_t pid, unsigned int flags, int withDisks)
{
    virLockManagerParam params[5];
    virLockManager *man = calloc(1, sizeof(*man));
    memset(params, 0, sizeof(params));
    params[0].type = PARAM_TYPE_UUID;
    params[0].key = "uuid";
    memcpy(params[0].value.uuid, dom->uuid, 16);
    params[1].type = PARAM_TYPE_STRING;
    params[1].key = "name";
    params[1].value.str = dom->name;
    params[2].type = PARAM_TYPE_UINT;
    params[2].key = "id";
    params[2].value.iv = dom->id;
    params[3].type = PARAM_TYPE_UINT;
    params[3].key = "pid";
    params[3].value.iv = pid;
    params[4].type = PARAM_TYPE_CSTRING;
    params[4].key = "uri";
    params[4].value.cstr = "qemu:///session";
    man->driver = plugin;
    if (plugin->drvNew(man, OBJECT_TYPE_DOMAIN, 5, params, flags) < 0) {
        free(man);
        return NULL;
    }
    for (int i = 0; withDisks && i < dom->ndisks; i++) {
        if (plugin->drvAddResource(man, RESOURCE_TYPE_DISK, dom->disks[i].path, 0, NULL,
                                   dom->disks[i].flags) < 0) {
            plugin->drvFree(man);
            free(man);
            return NULL;
        }
    }
    return man;
}

static void freeManager(virLockManager *man)
{
    plugin->drvFree(man);
    free(man);
}

/* Sequence C/E (flags 0, no fd) or G (one disk): returns 0 or -1 with libvirt's error set. */
static int acquire(struct domain *dom, const char *path, unsigned int diskFlags)
{
    virLockManager *man = newManager(dom, dom->holder, 0, path == NULL);
    int rc;
    if (!man)
        return -1;
    if (path && plugin->drvAddResource(man, RESOURCE_TYPE_DISK, path, 0, NULL, diskFlags) < 0) {
        freeManager(man);
        return -1;
    }
    rc = plugin->drvAcquire(man, NULL, 0, ACTION_DEFAULT, NULL);
    freeManager(man);
    return rc;
}

/* Sequence D (all disks) or G unplug (one disk). */
static int release(struct domain *dom, const char *path, unsigned int diskFlags)
{
    virLockManager *man = newManager(dom, dom->holder, 0, path == NULL);
    char *state = NULL;
    int rc;
    if (!man)
        return -1;
    if (path && plugin->drvAddResource(man, RESOURCE_TYPE_DISK, path, 0, NULL, diskFlags) < 0) {
        freeManager(man);
        return -1;
    }
    rc = plugin->drvRelease(man, &state, 0);
    free(state);
    freeManager(man);
    return rc;
}

/* Sequence B, in the forked child: register-only + restrict, keep the fd, exec the holder. */
static void startChild(struct domain *dom, int report, const char *self)
{
    virLockManager *man;
    int fd = -1, devnull;
    char fdText[16], reportText[16];
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    man = newManager(dom, getpid(), NEW_STARTED, 1);
    if (!man || plugin->drvAcquire(man, NULL, ACQUIRE_REGISTER_ONLY | ACQUIRE_RESTRICT,
                                   ACTION_DEFAULT, &fd) < 0) {
        virErrorPtr err = virGetLastError();
        dprintf(report, "error %d %d %s", err ? err->code : -1, err ? err->domain : -1,
                err && err->message ? err->message : "start failed");
        _exit(1);
    }
    freeManager(man);
    snprintf(fdText, sizeof(fdText), "%d", fd);
    snprintf(reportText, sizeof(reportText), "%d", report);
    fcntl(report, F_SETFD, 0);
    devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(self, self, "holder", fdText, reportText, (char *)NULL);
    _exit(127);
}

static void cmdStart(struct domain *dom, const char *option, const char *self)
{
    int pipefd[2];
    char buf[LINE_MAX_LEN];
    ssize_t n, total = 0;
    pid_t pid;
    if (dom->holder) {
        reply("error -1 -1 domain %s already runs as pid %d", dom->name, (int)dom->holder);
        return;
    }
    if (pipe2(pipefd, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
        reply("error -1 -1 fork: %s", strerror(errno));
        return;
    }
    if (pid == 0) {
        close(pipefd[0]);
        startChild(dom, pipefd[1], self);
    }
    close(pipefd[1]);
    while ((n = read(pipefd[0], buf + total, sizeof(buf) - 1 - total)) > 0 || (n < 0 && errno == EINTR))
        total += n > 0 ? n : 0;
    close(pipefd[0]);
    buf[total] = '\0';
    if (strncmp(buf, "ok", 2) != 0) {
        awaitReaped(pid, DROP_WAIT_MILLIS);
        reply("%s", total ? buf : "error -1 -1 the child died before reporting");
        return;
    }
    dom->holder = pid;
    if (!(option && strcmp(option, "paused") == 0) && acquire(dom, NULL, 0) < 0) {
        replyError();
        kill(pid, SIGKILL);
        awaitReaped(pid, DROP_WAIT_MILLIS);
        dom->holder = 0;
        return;
    }
    reply("ok pid %d", (int)pid);
}

static void cmdDeath(struct domain *dom, int sig, long millis)
{
    pid_t pid = dom->holder;
    int status;
    if (!pid) {
        reply("error -1 -1 domain %s has no holder", dom->name);
        return;
    }
    if (sig)
        kill(pid, sig);
    status = awaitReaped(pid, millis);
    if (status >= 0)
        dom->holder = 0;
    replyDeath(status);
}

static void cmdDisk(struct domain *dom, const char *path, const char *mode, int attach)
{
    unsigned int flags;
    if (!path || parseMode(mode, &flags) < 0 || dom->ndisks == MAX_DISKS) {
        reply("error -1 -1 usage: disk|attach NAME PATH [rw|shared|readonly]");
        return;
    }
    if (attach && acquire(dom, path, flags) < 0) {
        replyError();
        return;
    }
    dom->disks[dom->ndisks].path = strdup(path);
    dom->disks[dom->ndisks].flags = flags;
    dom->ndisks++;
    reply("ok");
}

static void cmdDetach(struct domain *dom, const char *path)
{
    for (int i = 0; path && i < dom->ndisks; i++) {
        if (strcmp(dom->disks[i].path, path) != 0)
            continue;
        if (release(dom, path, dom->disks[i].flags) < 0) {
            replyError();
            return;
        }
        free(dom->disks[i].path);
        dom->disks[i] = dom->disks[--dom->ndisks];
        reply("ok");
        return;
    }
    reply("error -1 -1 domain %s has no disk %s", dom->name, path ? path : "(missing)");
}

static void cmdDefine(const char *name, const char *id, const char *uuid)
{
    struct domain *dom = &domains[ndomains];
    if (!name || !id || !uuid || ndomains == MAX_DOMAINS || parseUuid(uuid, dom->uuid) < 0) {
        reply("error -1 -1 usage: define NAME ID UUIDHEX");
        return;
    }
    dom->name = strdup(name);
    dom->id = atoi(id);
    ndomains++;
    reply("ok");
}

static void dispatch(char *line, const char *self)
{
    char *save = NULL;
    char *cmd = strtok_r(line, " \t\r\n", &save);
    char *a1 = strtok_r(NULL, " \t\r\n", &save);
    char *a2 = strtok_r(NULL, " \t\r\n", &save);
    char *a3 = strtok_r(NULL, " \t\r\n", &save);
    struct domain *dom;
    virResetLastError();
    if (!cmd) {
        reply("error -1 -1 empty command");
    } else if (strcmp(cmd, "init") == 0) {
        if (plugin->drvInit(LOCK_MANAGER_VERSION, a1, 0) < 0)
            replyError();
        else
            reply("ok");
    } else if (strcmp(cmd, "define") == 0) {
        cmdDefine(a1, a2, a3);
    } else if (!(dom = findDomain(a1))) {
        return;
    } else if (strcmp(cmd, "disk") == 0) {
        cmdDisk(dom, a2, a3, 0);
    } else if (strcmp(cmd, "attach") == 0) {
        cmdDisk(dom, a2, a3, 1);
    } else if (strcmp(cmd, "detach") == 0) {
        cmdDetach(dom, a2);
    } else if (strcmp(cmd, "start") == 0) {
        cmdStart(dom, a2, self);
    } else if (strcmp(cmd, "resume") == 0 || strcmp(cmd, "pause") == 0) {
        int rc = cmd[0] == 'r' ? acquire(dom, NULL, 0) : release(dom, NULL, 0);
        if (rc < 0)
            replyError();
        else
            reply("ok");
    } else if (strcmp(cmd, "crash") == 0) {
        cmdDeath(dom, SIGKILL, DROP_WAIT_MILLIS);
    } else if (strcmp(cmd, "drop") == 0) {
        cmdDeath(dom, SIGUSR1, a2 ? atol(a2) : DROP_WAIT_MILLIS);
    } else if (strcmp(cmd, "wait") == 0) {
        cmdDeath(dom, 0, a2 ? atol(a2) : 0);
    } else if (strcmp(cmd, "pid") == 0) {
        reply("ok pid %d", (int)dom->holder);
    } else {
        reply("error -1 -1 unknown command %s", cmd);
    }
}

/* Holder mode (the "QEMU" of sequence B): keeps FD open; SIGUSR1 makes it close FD and go on living.
 * It reports "ok" on REPORT (the start pipe) once ready, then closes it. */
static volatile sig_atomic_t dropRequested;

static void onDrop(int sig)
{
    (void)sig;
    dropRequested = 1;
}

static int holder(const char *fdText, const char *reportText)
{
    int fd = atoi(fdText), report = atoi(reportText);
    sigset_t block, old;
    if (fcntl(fd, F_GETFD) < 0)
        return 2;
    signal(SIGUSR1, onDrop);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    /* Only now may the driver answer "start": a SIGUSR1 before this point would kill the holder. */
    if (write(report, "ok", 2) != 2)
        return 2;
    close(report);
    for (;;) {
        while (!dropRequested)
            sigsuspend(&old);
        dropRequested = 0;
        if (fd >= 0) {
            close(fd);
            fd = -1;
        }
    }
}

int main(int argc, char **argv)
{
    char line[LINE_MAX_LEN];
    void *handle;
    struct sigaction sa;
    if (argc == 4 && strcmp(argv[1], "holder") == 0)
        return holder(argv[2], argv[3]);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (geteuid() == 0) {
        fprintf(stderr, "lockd-driver must run unprivileged (the plugin would use /run/libvirt)\n");
        return 2;
    }
    if (virInitialize() < 0) {
        fprintf(stderr, "virInitialize failed\n");
        return 2;
    }
    if (!(handle = dlopen(PLUGIN, RTLD_NOW | RTLD_LOCAL)) || !(plugin = dlsym(handle, "virLockDriverImpl"))) {
        fprintf(stderr, "cannot load %s: %s\n", PLUGIN, dlerror());
        return 2;
    }
    if (plugin->version != LOCK_MANAGER_VERSION) {
        fprintf(stderr, "%s has plugin ABI %u, expected %u\n", PLUGIN, plugin->version, LOCK_MANAGER_VERSION);
        return 2;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = onChild;
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &sa, NULL);
    while (fgets(line, sizeof(line), stdin)) {
        if (strncmp(line, "quit", 4) == 0)
            break;
        dispatch(line, "/proc/self/exe");
    }
    for (int i = 0; i < ndomains; i++) {
        if (domains[i].holder) {
            kill(domains[i].holder, SIGKILL);
            awaitReaped(domains[i].holder, DROP_WAIT_MILLIS);
        }
    }
    return 0;
}
