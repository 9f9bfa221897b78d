#ifndef CONVENE_CLIBICAL_SHIM_H
#define CONVENE_CLIBICAL_SHIM_H

#include <libical/ical.h>

/* Swift cannot call C variadic functions; these fixed-arity wrappers stand in
   for the few variadic constructors Convene needs. */

static inline icalproperty *convene_icalproperty_new_x(const char *name, const char *value) {
    icalproperty *p = icalproperty_new_x(value);
    icalproperty_set_x_name(p, name);
    return p;
}

/* icalerrno is a macro over a per-thread variable. */
static inline icalerrorenum convene_icalerrno(void) { return *icalerrno_return(); }

#endif
