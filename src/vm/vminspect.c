/* vminspect.c: inspect with the module table's struct definitions (vminspect.h). */
#include "vm/vminspect.h"

#include "vm/module.h"

static Value struct_fields(void *ctx, Value name)
{
    (void)ctx;
    const Module *m = module_find(name);
    return m && m->struct_fields != THE_NON_VALUE ? m->struct_fields : THE_NON_VALUE;
}

InspectOpts vm_inspect_opts(const InspectOpts *base)
{
    InspectOpts o = base ? *base : INSPECT_DEFAULTS;
    o.struct_fields = struct_fields;
    o.ctx = NULL;
    return o;
}

void vm_inspect(StrBuf *sb, Value v)
{
    InspectOpts o = vm_inspect_opts(NULL);
    inspect_append(sb, v, &o);
}
