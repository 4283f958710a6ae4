/* The AppImage runtime of kmeans-gui: the program at the head of the AppImage (MIT licence).
 *
 * A type-2 AppImage runtime: an ELF program with "AI\2" at byte 8, whose squashfs image
 * starts where the ELF file ends. Started, it mounts that image read-only through FUSE and
 * runs its AppRun; where FUSE cannot be used (no libfuse3.so.3 or fusermount3 on the
 * machine, no /dev/fuse), it unpacks the image into a temporary folder for this run instead,
 * and removes it afterwards, as the official runtime does with --appimage-extract-and-run.
 *
 * The squashfs reading and the FUSE file system are Debian's libsquashfuse (BSD-2-Clause) and
 * libzstd (BSD-3-Clause), linked in; libfuse 3 (LGPL) is the machine's own, loaded with
 * dlopen, so the runtime has no link-time dependency on it and still starts (and unpacks)
 * where it is missing.
 *
 * Options (the official runtime's names): --appimage-offset, --appimage-extract [DIR],
 * --appimage-extract-and-run, --appimage-help; APPIMAGE_EXTRACT_AND_RUN=1 does the latter.
 * The app gets APPIMAGE (this file), APPDIR (the mounted or unpacked folder), ARGV0 (the
 * name it was started by) and OWD (the working folder it was started in).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <squashfuse/ll.h>
#include <squashfuse/traverse.h>
#include <squashfuse/util.h>

static const char *self_path;

static void fail(const char *what) {
    fprintf(stderr, "%s: %s: %s\n", self_path ? self_path : "AppImage", what, strerror(errno));
    exit(1);
}

/* --- libfuse 3, loaded at run time --------------------------------------------------------- */

/* Each libfuse function the squashfuse library or this file calls: a pointer looked up by
 * dlvsym at the ABI version these headers describe (FUSE_3.0), and a function of the same
 * name that calls it. */
#define FUSE_FUNCTIONS(X)                                                                      \
    X(size_t, fuse_add_direntry, (fuse_req_t a, char *b, size_t c, const char *d,              \
                                  const struct stat *e, off_t f), (a, b, c, d, e, f))           \
    X(void, fuse_cmdline_help, (void), ())                                                     \
    X(int, fuse_daemonize, (int a), (a))                                                       \
    X(int, fuse_reply_attr, (fuse_req_t a, const struct stat *b, double c), (a, b, c))        \
    X(int, fuse_reply_buf, (fuse_req_t a, const char *b, size_t c), (a, b, c))                \
    X(int, fuse_reply_entry, (fuse_req_t a, const struct fuse_entry_param *b), (a, b))         \
    X(int, fuse_reply_err, (fuse_req_t a, int b), (a, b))                                      \
    X(void, fuse_reply_none, (fuse_req_t a), (a))                                              \
    X(int, fuse_reply_open, (fuse_req_t a, const struct fuse_file_info *b), (a, b))            \
    X(int, fuse_reply_readlink, (fuse_req_t a, const char *b), (a, b))                         \
    X(int, fuse_reply_statfs, (fuse_req_t a, const struct statvfs *b), (a, b))                 \
    X(int, fuse_reply_xattr, (fuse_req_t a, size_t b), (a, b))                                 \
    X(void *, fuse_req_userdata, (fuse_req_t a), (a))                                          \
    X(void, fuse_session_destroy, (struct fuse_session *a), (a))                               \
    X(int, fuse_session_mount, (struct fuse_session *a, const char *b), (a, b))                \
    X(struct fuse_session *, fuse_session_new, (struct fuse_args *a,                           \
        const struct fuse_lowlevel_ops *b, size_t c, void *d), (a, b, c, d))                   \
    X(void, fuse_session_unmount, (struct fuse_session *a), (a))                               \
    X(int, fuse_session_loop, (struct fuse_session *a), (a))                                   \
    X(int, fuse_set_signal_handlers, (struct fuse_session *a), (a))                            \
    X(void, fuse_remove_signal_handlers, (struct fuse_session *a), (a))

#define POINTER(type, name, params, args) static type(*p_##name) params;
#define WRAPPER(type, name, params, args) \
    type name params { return p_##name args; }
FUSE_FUNCTIONS(POINTER)
FUSE_FUNCTIONS(WRAPPER)

/* True when libfuse 3 was found with every function. */
static int load_fuse(void) {
    void *lib = dlopen("libfuse3.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return 0;
#define LOOK_UP(type, name, params, args)                                      \
    if (!(p_##name = (type(*) params)dlvsym(lib, #name, "FUSE_3.0"))) \
        return 0;
    FUSE_FUNCTIONS(LOOK_UP)
    return 1;
}

/* The squashfs compressions this runtime reads: zstd (linked in) and gzip (the machine's zlib).
 * The squashfuse library also calls the other decompressors; these stand in for them and fail. */
int lzma_stream_buffer_decode(void) { return 1; }
int lzo1x_decompress_safe(void) { return -1; }
int LZ4_decompress_safe(void) { return -1; }

/* --- the image --------------------------------------------------------------------------- */

/* Where the squashfs starts: the end of this ELF file, its section header table being last. */
static size_t image_offset(const char *path) {
    Elf64_Ehdr header;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || pread(fd, &header, sizeof header, 0) != (ssize_t)sizeof header)
        fail("cannot read the AppImage");
    close(fd);
    return header.e_shoff + (size_t)header.e_shentsize * header.e_shnum;
}

static int write_all(int fd, const char *data, size_t size) {
    while (size) {
        ssize_t written = write(fd, data, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return -1;
        data += written;
        size -= (size_t)written;
    }
    return 0;
}

static int extract_file(sqfs *fs, sqfs_inode *inode, const char *path, mode_t mode) {
    static char buffer[1 << 17];
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || fchmod(fd, mode) < 0)  /* the mode as packed, whatever the umask */
        return -1;
    sqfs_off_t done = 0, size = (sqfs_off_t)inode->xtra.reg.file_size;
    while (done < size) {
        sqfs_off_t chunk = (sqfs_off_t)sizeof buffer;
        if (chunk > size - done)
            chunk = size - done;
        if (sqfs_read_range(fs, inode, done, &chunk, buffer) != SQFS_OK ||
            write_all(fd, buffer, (size_t)chunk) < 0) {
            close(fd);
            return -1;
        }
        done += chunk;
    }
    return close(fd);
}

/* Unpack the image into `target` (an existing folder): folders, files and symbolic links. */
static int extract(const char *target, size_t offset) {
    sqfs fs;
    sqfs_traverse walk;
    sqfs_err err = SQFS_OK;
    if (sqfs_open_image(&fs, self_path, offset) != SQFS_OK)
        return -1;
    if (sqfs_traverse_open(&walk, &fs, sqfs_inode_root(&fs)) != SQFS_OK)
        return -1;
    while (sqfs_traverse_next(&walk, &err)) {
        sqfs_inode inode;
        char path[PATH_MAX];
        if (walk.dir_end)
            continue;
        if (sqfs_inode_get(&fs, &inode, sqfs_dentry_inode(&walk.entry)) != SQFS_OK)
            return -1;
        snprintf(path, sizeof path, "%s/%s", target, walk.path);
        mode_t mode = inode.base.mode & 07777;
        switch (inode.base.inode_type) {
        case SQUASHFS_DIR_TYPE:
        case SQUASHFS_LDIR_TYPE:
            if (mkdir(path, mode | 0700) < 0 && errno != EEXIST)
                return -1;
            break;
        case SQUASHFS_REG_TYPE:
        case SQUASHFS_LREG_TYPE:
            if (extract_file(&fs, &inode, path, mode) < 0)
                return -1;
            break;
        case SQUASHFS_SYMLINK_TYPE:
        case SQUASHFS_LSYMLINK_TYPE: {
            char link[PATH_MAX];
            size_t size = sizeof link;
            unlink(path); /* unpacking again over an earlier --appimage-extract */
            if (sqfs_readlink(&fs, &inode, link, &size) != SQFS_OK || symlink(link, path) < 0)
                return -1;
            break;
        }
        default: /* devices, pipes, sockets: none in an app */
            break;
        }
    }
    sqfs_traverse_close(&walk);
    sqfs_destroy(&fs);
    return err == SQFS_OK ? 0 : -1;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* --- running the app --------------------------------------------------------------------- */

static char **app_argv;

/* Run appdir/AppRun in place of this process, with the AppImage variables set. */
static void exec_app(const char *appdir, const char *argv0) {
    char app_run[PATH_MAX], cwd[PATH_MAX];
    snprintf(app_run, sizeof app_run, "%s/AppRun", appdir);
    setenv("APPIMAGE", self_path, 1);
    setenv("APPDIR", appdir, 1);
    setenv("ARGV0", argv0, 1);
    if (getcwd(cwd, sizeof cwd))
        setenv("OWD", cwd, 1);
    app_argv[0] = app_run;
    execv(app_run, app_argv);
    fail("cannot start its AppRun");
}

static char *temporary_folder(const char *prefix) {
    const char *tmp = getenv("TMPDIR");
    char *path;
    if (asprintf(&path, "%s/%sXXXXXX", tmp && *tmp ? tmp : "/tmp", prefix) < 0 || !mkdtemp(path))
        fail("cannot make a temporary folder");
    return path;
}

/* Unpack into a temporary folder, run the app there, remove the folder, pass on its status. */
static int extract_and_run(size_t offset, const char *argv0) {
    char *folder = temporary_folder("appimage_extracted_");
    if (extract(folder, offset) < 0) {
        int error = errno;
        nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
        errno = error;
        fail("cannot unpack the AppImage");
    }
    pid_t child = fork();
    if (child < 0)
        fail("cannot fork");
    if (child == 0)
        exec_app(folder, argv0);
    /* Ctrl+C reaches the app; this process waits for it and cleans up. */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR)
        ;
    nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The FUSE server (a child process): mount the image, tell the parent, serve until the app
 * (the parent, after exec) exits, then unmount. Returns only on failure, before mounting. */
static void serve(const char *mountpoint, size_t offset, int ready, pid_t parent) {
    static struct fuse_lowlevel_ops ops = {
        .getattr = sqfs_ll_op_getattr, .opendir = sqfs_ll_op_opendir,
        .releasedir = sqfs_ll_op_releasedir, .readdir = sqfs_ll_op_readdir,
        .lookup = sqfs_ll_op_lookup, .open = sqfs_ll_op_open, .create = sqfs_ll_op_create,
        .release = sqfs_ll_op_release, .read = sqfs_ll_op_read,
        .readlink = sqfs_ll_op_readlink, .listxattr = sqfs_ll_op_listxattr,
        .getxattr = sqfs_ll_op_getxattr, .forget = sqfs_ll_op_forget,
        .statfs = stfs_ll_op_statfs,
    };
    char *options[] = {(char *)"kmeans-gui", (char *)"-o", (char *)"ro,nodev,nosuid", NULL};
    struct fuse_args args = FUSE_ARGS_INIT(3, options);
    sqfs_ll_chan channel;
    /* Out of the terminal's process group (Ctrl+C is the app's), and told when it exits. */
    setsid();
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent)
        _exit(0);
    /* Quiet: a failed mount is reported by the parent in one line; the server has no output. */
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0), dup2(devnull, 1), dup2(devnull, 2);
    sqfs_ll *ll = sqfs_ll_open(self_path, offset);
    if (!ll || sqfs_ll_mount(&channel, mountpoint, &args, &ops, sizeof ops, ll) != SQFS_OK)
        return;
    if (p_fuse_set_signal_handlers(channel.session) < 0)
        return;
    if (write(ready, "1", 1) != 1)
        return;
    close(ready);
    p_fuse_session_loop(channel.session);
    p_fuse_remove_signal_handlers(channel.session);
    sqfs_ll_unmount(&channel, mountpoint);
    rmdir(mountpoint);
    _exit(0);
}

/* Mount the image and exec the app; returns only when FUSE cannot be used. */
static void mount_and_run(size_t offset, const char *argv0) {
    if (!load_fuse() || access("/dev/fuse", R_OK | W_OK) < 0)
        return;
    char *mountpoint = temporary_folder(".mount_kmeans-gui_");
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) < 0)
        fail("cannot make a pipe");
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0)
        fail("cannot fork");
    if (child == 0) {
        close(pipe_fds[0]);
        serve(mountpoint, offset, pipe_fds[1], parent);
        _exit(1);
    }
    close(pipe_fds[1]);
    char byte;
    ssize_t got;
    while ((got = read(pipe_fds[0], &byte, 1)) < 0 && errno == EINTR)
        ;
    close(pipe_fds[0]);
    if (got == 1)
        exec_app(mountpoint, argv0);
    waitpid(child, NULL, 0);
    rmdir(mountpoint);
}

int main(int argc, char **argv) {
    static char path[PATH_MAX];
    ssize_t size = readlink("/proc/self/exe", path, sizeof path - 1);
    if (size < 0)
        fail("cannot find itself (/proc/self/exe)");
    self_path = path;
    size_t offset = image_offset(path);
    app_argv = argv;
    const char *option = argc > 1 ? argv[1] : "";
    if (!strcmp(option, "--appimage-offset")) {
        printf("%zu\n", offset);
        return 0;
    }
    if (!strcmp(option, "--appimage-help")) {
        printf("AppImage options: --appimage-offset, --appimage-extract [DIR] (default "
               "squashfs-root),\n--appimage-extract-and-run (or APPIMAGE_EXTRACT_AND_RUN=1): "
               "unpack for this run instead of mounting\n");
        return 0;
    }
    if (!strcmp(option, "--appimage-extract")) {
        const char *target = argc > 2 ? argv[2] : "squashfs-root";
        if ((mkdir(target, 0755) < 0 && errno != EEXIST) || extract(target, offset) < 0)
            fail("cannot unpack the AppImage");
        printf("%s\n", target);
        return 0;
    }
    const char *env = getenv("APPIMAGE_EXTRACT_AND_RUN");
    int unpack = !strcmp(option, "--appimage-extract-and-run") || (env && !strcmp(env, "1"));
    if (!strcmp(option, "--appimage-extract-and-run")) {
        memmove(&argv[1], &argv[2], (size_t)(argc - 1) * sizeof *argv);
        argc--;
    }
    if (!unpack) {
        mount_and_run(offset, argv[0]);
        fprintf(stderr, "%s: cannot mount itself with FUSE (it needs libfuse3.so.3, fusermount3 "
                "and /dev/fuse): unpacking for this run instead\n", self_path);
    }
    return extract_and_run(offset, argv[0]);
}
