#include <stdio.h>
#include <histedit.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <errno.h>
#include <wchar.h>

// Swift cannot call C variadic functions (el_set, history), so each use sparkify needs has a
// fixed-argument wrapper here.

typedef char *(*sparkify_prompt_fn)(EditLine *);
typedef unsigned char (*sparkify_edit_fn)(EditLine *, int);

static inline int sparkify_el_set_prompt(EditLine *el, sparkify_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}

static inline int sparkify_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int sparkify_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int sparkify_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int sparkify_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *sparkify_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int sparkify_el_add_function(EditLine *el, const char *name, const char *help, sparkify_edit_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int sparkify_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}

static inline int sparkify_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

static inline int sparkify_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

static inline int sparkify_history_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int sparkify_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

static inline int sparkify_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

static inline int sparkify_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

/// The terminal's width in columns, or 0 when `fd` is not a terminal.
static inline int sparkify_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

/// Binds `key` in vi's command mode (the alternate key map).
static inline int sparkify_el_bind_command_mode(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, "-a", key, command, NULL);
}

typedef int (*sparkify_read_fn)(EditLine *, wchar_t *);

/// Replaces libedit's character reader (which retries a read that a signal interrupted, so a
/// Ctrl-C could go unnoticed until the next key).
static inline int sparkify_el_set_reader(EditLine *el, sparkify_read_fn fn) {
    return el_set(el, EL_GETCFN, fn);
}

static inline void sparkify_set_errno(int value) { errno = value; }
