/* lists.h: the List builtins of list_key.c (the key* functions and the charlist
 * conversions), registered from list.c's table. Not a public header. */
#ifndef EMBER_LISTS_H
#define EMBER_LISTS_H
#include "lib/builtins.h"
#include "rt/process.h"

Value list_keyfind3(Process *p, const Value *a);
Value list_keyfind4(Process *p, const Value *a);
Value list_keyfind_bang(Process *p, const Value *a);
Value list_keymember(Process *p, const Value *a);
Value list_keydelete(Process *p, const Value *a);
Value list_keyreplace(Process *p, const Value *a);
Value list_keystore(Process *p, const Value *a);
Value list_keytake(Process *p, const Value *a);
Value list_to_string(Process *p, const Value *a);
Value list_to_charlist(Process *p, const Value *a);
Value list_to_atom(Process *p, const Value *a);
Value list_to_existing_atom(Process *p, const Value *a);
Value list_to_integer1(Process *p, const Value *a);
Value list_to_integer2(Process *p, const Value *a);
Value list_to_float(Process *p, const Value *a);

#endif
