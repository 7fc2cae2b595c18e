/* chars.c: String.Chars (chars.h). Lists are walked with a work stack of pending tails, so
 * deep or long chardata never touches the C stack. */
#include "value/chars.h"

#include <inttypes.h>

#include "value/inspect.h"
#include "value/itext.h"
#include "value/map.h"
#include "value/vstack.h"

/* One element of chardata: a code point or a binary; nested lists are pushed. */
static CharsStatus chardata_item(StrBuf *out, VStack *s, Value h, int64_t *bad)
{
    if (val_is_binary(h)) {
        strbuf_append(out, val_binary_bytes(h), val_binary_len(h));
    } else if (val_is_int(h)) {
        int64_t c = val_int_get(h);
        if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            *bad = c;
            return CHARS_BAD_CODEPOINT;
        }
        itext_utf8_encode(out, (uint32_t)c);
    } else if (val_is_list(h)) {
        vstack_push(s, h);
    } else {
        return CHARS_BAD_LIST;
    }
    return CHARS_OK;
}

static CharsStatus chardata(StrBuf *out, Value list, int64_t *bad)
{
    VStack s;
    vstack_init(&s);
    vstack_push(&s, list);
    CharsStatus st = CHARS_OK;
    while (st == CHARS_OK && s.len) {
        Value l = vstack_pop(&s);
        if (val_is_binary(l)) { /* a binary as the tail of an improper list */
            strbuf_append(out, val_binary_bytes(l), val_binary_len(l));
            continue;
        }
        if (!val_is_cons(l)) {
            st = l == VAL_NIL ? CHARS_OK : CHARS_BAD_LIST;
            continue;
        }
        vstack_push(&s, val_tail(l)); /* the head's contents go first */
        st = chardata_item(out, &s, val_head(l), bad);
    }
    vstack_free(&s);
    return st;
}

CharsStatus chars_append(StrBuf *out, Value v, int64_t *bad)
{
    if (val_is_binary(v))
        strbuf_append(out, val_binary_bytes(v), val_binary_len(v));
    else if (val_is_atom(v))
        strbuf_append(out, v == ATOM_NIL ? "" : atom_name(val_atom_index(v)), v == ATOM_NIL ? 0 : atom_len(val_atom_index(v)));
    else if (val_is_int(v))
        itext_int(out, val_int_get(v));
    else if (val_is_float(v))
        itext_float_short(out, val_float_get(v));
    else if (val_is_list(v))
        return chardata(out, v, bad);
    else
        return CHARS_NOT_IMPLEMENTED;
    return CHARS_OK;
}

static const char *type_name(Value v)
{
    if (val_is_tuple(v))
        return "Tuple";
    if (val_is_map(v))
        return "Map";
    if (val_is_pid(v))
        return "PID";
    if (val_is_ref(v))
        return "Reference";
    if (val_is_fun(v))
        return "Function";
    return "Any";
}

void chars_error_message(StrBuf *out, CharsStatus status, Value v, int64_t bad)
{
    if (status == CHARS_BAD_CODEPOINT) {
        strbuf_printf(out, "invalid code point %" PRId64, bad);
    } else if (status == CHARS_BAD_LIST) {
        strbuf_puts(out, "cannot convert the given list to a string.\n\n"
                         "To be converted to a string, a list must either be empty or only\n"
                         "contain the following elements:\n\n"
                         "  * strings\n"
                         "  * integers representing Unicode code points\n"
                         "  * a list containing one of these three elements\n\n"
                         "Please check the given list or call inspect/1 to get the list representation, got:\n\n");
        inspect_append(out, v, &INSPECT_DEFAULTS);
        strbuf_putc(out, '\n');
    } else if (status == CHARS_NOT_IMPLEMENTED) {
        strbuf_puts(out, "protocol String.Chars not implemented for ");
        inspect_append(out, v, &INSPECT_DEFAULTS);
        Value name = val_is_map(v) ? map_struct_name(v) : THE_NON_VALUE;
        strbuf_puts(out, " of type ");
        if (name != THE_NON_VALUE) {
            itext_atom(out, val_atom_index(name), ATOM_FORM_LITERAL);
            strbuf_puts(out, " (a struct)");
        } else {
            strbuf_puts(out, type_name(v));
        }
    }
}
