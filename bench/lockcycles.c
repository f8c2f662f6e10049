/*
 * Cycle worker of the lock-protocol benchmark, in C like libvirt's real client (the lockd plugin inside
 * libvirtd): N threads, each repeating an acquire cycle (connect, REGISTER, one ACQUIRE_RESOURCE per
 * resource with AUTOCREATE, close) and a release cycle (connect, REGISTER, one RELEASE_RESOURCE per
 * resource, close) on its own resource names. It is started by LockBench.java for each round and measures
 * exactly what LockBench's own Java workers measure; only the client's CPU cost differs.
 *
 * Usage: lockcycles SOCKET LOCKSPACE OWNER_PID THREADS SECONDS CYCLES RESOURCES RUN TIMEOUT_SECONDS
 *   SECONDS > 0 and CYCLES = 0: run for that time; CYCLES > 0: run that many cycles (pairs rounded up).
 * Protocol with the parent: prints "ready" once the threads wait, starts on any line from stdin, and at
 * the end prints "done CYCLES ELAPSED_NS CLIENT_CPU_NS ERRORS", then "ok" or "error MESSAGE", then
 * "acquire N" and N latencies in ns, one a line, then "release N" and N latencies.
 * Every reply is checked (type REPLY, same program, version, procedure and serial, status OK); a call or
 * connect without an answer within TIMEOUT_SECONDS ends the process with an "error" line (watchdog).
 *
 * Build: gcc -O2 -pthread -o lockcycles lockcycles.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define LOCK_PROGRAM 0x0EA7BEEFu
#define LOCK_VERSION 1u
#define PROC_REGISTER 1u
#define PROC_ACQUIRE 6u
#define PROC_RELEASE 7u
#define TYPE_CALL 0u
#define TYPE_REPLY 1u
#define STATUS_OK 0u
#define STATUS_ERROR 1u
#define ACQUIRE_AUTOCREATE 2u
#define EMPTY_MESSAGE 28u
/* Lock-program replies are empty or an error struct; larger ones are refused. */
#define MAX_REPLY (1u << 20)
#define MAX_CALL 4096u
#define NAME_LEN 64
#define MAX_THREADS 1024

static const char *sock_path, *lockspace;
static unsigned owner_pid, resources, timeout_s;
static int threads;
static double seconds;
static unsigned long long run_id;
static atomic_long pairs_left;
static atomic_int stop_flag;
static atomic_long error_count;
static char first_error[512];
static pthread_mutex_t error_lock = PTHREAD_MUTEX_INITIALIZER;

struct samples {
    long long *v;
    size_t n, cap;
};

struct worker {
    pthread_t thread;
    int id;
    unsigned char uuid[16];
    char owner_name[32];
    char (*names)[NAME_LEN + 1];
    struct samples acq, rel;
    /* Start of the call being waited for (ns, 0 = none) and its name, for the watchdog. */
    _Atomic long long since;
    const char *what;
};

static struct worker *workers;
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t start_cond = PTHREAD_COND_INITIALIZER;
static int started;

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void add(struct samples *s, long long x) {
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16384;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (!s->v) {
            perror("realloc");
            exit(1);
        }
    }
    s->v[s->n++] = x;
}

static void fail(const char *fmt, ...) {
    pthread_mutex_lock(&error_lock);
    if (atomic_fetch_add(&error_count, 1) == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(first_error, sizeof first_error, fmt, ap);
        va_end(ap);
    }
    pthread_mutex_unlock(&error_lock);
    atomic_store(&stop_flag, 1);
}

static unsigned char *put_u32(unsigned char *p, uint32_t v) {
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
    return p + 4;
}

static uint32_t get_u32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned char *put_string(unsigned char *p, const char *s) {
    size_t n = strlen(s);
    p = put_u32(p, (uint32_t)n);
    memcpy(p, s, n);
    p += n;
    while (n++ % 4) {
        *p++ = 0;
    }
    return p;
}

/* splitmix64: the 64 hex characters of a resource name from (run, thread, index). */
static uint64_t mix(uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static int write_all(int fd, const unsigned char *b, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, b, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        b += w;
        n -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, unsigned char *b, size_t n) {
    while (n > 0) {
        ssize_t r = read(fd, b, n);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return r == 0 ? -2 : -1;
        }
        b += r;
        n -= (size_t)r;
    }
    return 0;
}

static const char *proc_name(uint32_t proc) {
    return proc == PROC_REGISTER ? "REGISTER" : proc == PROC_ACQUIRE ? "ACQUIRE_RESOURCE" : "RELEASE_RESOURCE";
}

/* One call on fd; the arguments are already in buf after the 28-byte header. 0 = OK reply. */
static int call(struct worker *w, int fd, uint32_t proc, uint32_t serial, unsigned char *buf, size_t len) {
    unsigned char *p = buf;
    p = put_u32(p, (uint32_t)len);
    p = put_u32(p, LOCK_PROGRAM);
    p = put_u32(p, LOCK_VERSION);
    p = put_u32(p, proc);
    p = put_u32(p, TYPE_CALL);
    p = put_u32(p, serial);
    put_u32(p, STATUS_OK);
    w->what = proc_name(proc);
    atomic_store(&w->since, now_ns());
    /* As libvirt's client does: the 4-byte length first, then the rest of the message. */
    unsigned char head[4];
    static _Thread_local unsigned char reply[MAX_CALL];
    int rc = write_all(fd, buf, len);
    if (rc == 0) {
        rc = read_all(fd, head, 4);
    }
    uint32_t rlen = rc == 0 ? get_u32(head) : 0;
    if (rc == 0 && (rlen < EMPTY_MESSAGE || rlen > MAX_REPLY)) {
        atomic_store(&w->since, 0);
        fail("reply length %u outside %u..%u", rlen, EMPTY_MESSAGE, MAX_REPLY);
        return -1;
    }
    unsigned char *r = rlen <= sizeof reply ? reply : malloc(rlen);
    if (rc == 0) {
        memcpy(r, head, 4);
        rc = read_all(fd, r + 4, rlen - 4);
    }
    atomic_store(&w->since, 0);
    if (rc != 0) {
        fail(rc == -2 ? "connection closed by the daemon" : "%s (serial %u): %s", proc_name(proc), serial, strerror(errno));
        goto out;
    }
    if (get_u32(r + 4) != LOCK_PROGRAM || get_u32(r + 8) != LOCK_VERSION || get_u32(r + 12) != proc
        || get_u32(r + 16) != TYPE_REPLY || get_u32(r + 20) != serial) {
        fail("unexpected reply header prog=%08x vers=%u proc=%u type=%u serial=%u to proc %u serial %u", get_u32(r + 4),
             get_u32(r + 8), get_u32(r + 12), get_u32(r + 16), get_u32(r + 20), proc, serial);
        rc = -1;
    } else if (get_u32(r + 24) == STATUS_ERROR) {
        /* struct virNetMessageError: code, domain, optional message (spec 1.6). */
        char msg[256] = "(no message)";
        if (rlen >= 44 && get_u32(r + 36) != 0) {
            uint32_t n = get_u32(r + 40);
            if (n <= rlen - 44) {
                snprintf(msg, sizeof msg, "%.*s", (int)n, (const char *)r + 44);
            }
        }
        fail("%s (code %u, domain %u)", msg, rlen >= 36 ? get_u32(r + 28) : 0, rlen >= 36 ? get_u32(r + 32) : 0);
        rc = -1;
    } else if (get_u32(r + 24) != STATUS_OK) {
        fail("reply status %u to proc %u", get_u32(r + 24), proc);
        rc = -1;
    }
out:
    if (r != reply) {
        free(r);
    }
    return rc;
}

static int open_conn(struct worker *w) {
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        fail("socket: %s", strerror(errno));
        return -1;
    }
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock_path);
    w->what = "connect";
    atomic_store(&w->since, now_ns());
    int rc = connect(fd, (struct sockaddr *)&addr, sizeof addr);
    atomic_store(&w->since, 0);
    if (rc < 0) {
        fail("connect %s: %s", sock_path, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* One cycle: connect, REGISTER, one ACQUIRE (AUTOCREATE) or RELEASE per resource, close. */
static int cycle(struct worker *w, uint32_t proc) {
    unsigned char buf[MAX_CALL];
    int fd = open_conn(w);
    if (fd < 0) {
        return -1;
    }
    uint32_t serial = 0;
    unsigned char *p = buf + EMPTY_MESSAGE;
    memcpy(p, w->uuid, 16);
    p = put_string(p + 16, w->owner_name);
    p = put_u32(p, (uint32_t)w->id + 1);
    p = put_u32(p, owner_pid);
    p = put_u32(p, 0);
    int rc = call(w, fd, PROC_REGISTER, serial++, buf, (size_t)(p - buf));
    for (unsigned j = 0; rc == 0 && j < resources; j++) {
        p = put_string(buf + EMPTY_MESSAGE, lockspace);
        p = put_string(p, w->names[j]);
        p = put_u32(p, proc == PROC_ACQUIRE ? ACQUIRE_AUTOCREATE : 0);
        rc = call(w, fd, proc, serial++, buf, (size_t)(p - buf));
    }
    close(fd);
    return rc;
}

static void *work(void *arg) {
    struct worker *w = arg;
    pthread_mutex_lock(&start_lock);
    while (!started) {
        pthread_cond_wait(&start_cond, &start_lock);
    }
    pthread_mutex_unlock(&start_lock);
    while (!atomic_load(&stop_flag) && atomic_fetch_sub(&pairs_left, 1) > 0) {
        long long t0 = now_ns();
        if (cycle(w, PROC_ACQUIRE) != 0) {
            break;
        }
        long long t1 = now_ns();
        if (cycle(w, PROC_RELEASE) != 0) {
            break;
        }
        long long t2 = now_ns();
        add(&w->acq, t1 - t0);
        add(&w->rel, t2 - t1);
    }
    return NULL;
}

/* Ends the process when a connect or call has waited longer than the timeout. */
static void *watchdog(void *arg) {
    (void)arg;
    for (;;) {
        struct timespec ts = {0, 250000000};
        nanosleep(&ts, NULL);
        long long now = now_ns();
        for (int i = 0; i < threads; i++) {
            long long since = atomic_load(&workers[i].since);
            if (since != 0 && now - since > (long long)timeout_s * 1000000000LL) {
                printf("done 0 0 0 1\nerror no answer to %s within %u s\n", workers[i].what, timeout_s);
                fflush(stdout);
                _exit(1);
            }
        }
    }
    return NULL;
}

static long long cpu_ns(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
}

int main(int argc, char **argv) {
    if (argc != 10) {
        fprintf(stderr, "usage: %s SOCKET LOCKSPACE OWNER_PID THREADS SECONDS CYCLES RESOURCES RUN TIMEOUT_SECONDS\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN); /* a daemon that closes early is an error reply, not a dead client */
    sock_path = argv[1];
    lockspace = argv[2];
    owner_pid = (unsigned)strtoul(argv[3], NULL, 10);
    threads = atoi(argv[4]);
    seconds = atof(argv[5]);
    long long cycles = atoll(argv[6]);
    resources = (unsigned)strtoul(argv[7], NULL, 10);
    run_id = strtoull(argv[8], NULL, 10);
    timeout_s = (unsigned)strtoul(argv[9], NULL, 10);
    if (threads < 1 || threads > MAX_THREADS || resources < 1 || timeout_s < 1 || (cycles <= 0 && seconds <= 0)
        || strlen(lockspace) > 1024 || strlen(sock_path) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
        fprintf(stderr, "%s: bad arguments\n", argv[0]);
        return 2;
    }
    atomic_store(&pairs_left, cycles > 0 ? (cycles + 1) / 2 : (long)(~0UL >> 1));
    workers = calloc((size_t)threads, sizeof *workers);
    uint64_t seed = mix((uint64_t)getpid() << 32 ^ run_id);
    for (int i = 0; i < threads; i++) {
        struct worker *w = &workers[i];
        w->id = i;
        for (int b = 0; b < 16; b++) {
            w->uuid[b] = (unsigned char)mix(seed ^ (uint64_t)(i * 16 + b));
        }
        w->uuid[6] = (w->uuid[6] & 0x0f) | 0x40;
        w->uuid[8] = (w->uuid[8] & 0x3f) | 0x80;
        snprintf(w->owner_name, sizeof w->owner_name, "bench-%d", i);
        w->names = calloc(resources, sizeof *w->names);
        for (unsigned j = 0; j < resources; j++) {
            for (int k = 0; k < 4; k++) {
                snprintf(w->names[j] + 16 * k, 17, "%016llx",
                         (unsigned long long)mix(seed + ((uint64_t)i << 40) + ((uint64_t)j << 8) + (uint64_t)k));
            }
        }
        if (pthread_create(&w->thread, NULL, work, w) != 0) {
            perror("pthread_create");
            return 1;
        }
    }
    pthread_t dog;
    pthread_create(&dog, NULL, watchdog, NULL);
    printf("ready\n");
    fflush(stdout);
    char line[64];
    if (!fgets(line, sizeof line, stdin)) {
        return 1;
    }
    long long cpu0 = cpu_ns(), t0 = now_ns();
    pthread_mutex_lock(&start_lock);
    started = 1;
    pthread_cond_broadcast(&start_cond);
    pthread_mutex_unlock(&start_lock);
    if (cycles <= 0) {
        long long end = t0 + (long long)(seconds * 1e9);
        while (!atomic_load(&stop_flag) && now_ns() < end) {
            long long left = end - now_ns();
            struct timespec ts = {0, left > 50000000 ? 50000000 : (left > 0 ? left : 0)};
            nanosleep(&ts, NULL);
        }
        atomic_store(&stop_flag, 1);
    }
    for (int i = 0; i < threads; i++) {
        pthread_join(workers[i].thread, NULL);
    }
    long long elapsed = now_ns() - t0, cpu = cpu_ns() - cpu0;
    size_t na = 0, nr = 0;
    for (int i = 0; i < threads; i++) {
        na += workers[i].acq.n;
        nr += workers[i].rel.n;
    }
    printf("done %zu %lld %lld %ld\n", na + nr, elapsed, cpu, atomic_load(&error_count));
    if (atomic_load(&error_count) > 0) {
        printf("error %s\n", first_error);
    } else {
        printf("ok\n");
    }
    printf("acquire %zu\n", na);
    for (int i = 0; i < threads; i++) {
        for (size_t k = 0; k < workers[i].acq.n; k++) {
            printf("%lld\n", workers[i].acq.v[k]);
        }
    }
    printf("release %zu\n", nr);
    for (int i = 0; i < threads; i++) {
        for (size_t k = 0; k < workers[i].rel.n; k++) {
            printf("%lld\n", workers[i].rel.v[k]);
        }
    }
    fflush(stdout);
    return atomic_load(&error_count) > 0 ? 1 : 0;
}
