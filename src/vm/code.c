/* code.c: facts about instructions (names, signatures, lengths), the line table lookup and a
 * disassembler for tests and debugging (code.h, opcodes.h). */
#include <stdio.h>
#include <string.h>

#include "vm/code.h"
#include "vm/opcodes.h"

static const char *const sigs[] = {
#define X(name, sig) sig,
    OPCODE_LIST(X)
#undef X
};

static const char *const names[] = {
#define X(name, sig) #name,
    OPCODE_LIST(X)
#undef X
};

const char *op_signature(Opcode op)
{
    return op < OP__COUNT ? sigs[op] : "";
}

const char *op_name(Opcode op)
{
    return op < OP__COUNT ? names[op] : "?";
}

unsigned op_length(const unsigned *ins)
{
    const char *s = op_signature((Opcode)ins[0]);
    unsigned len = 1;
    for (; *s; s++) {
        if (*s == 'n') len += 1 + ins[len];
        else if (*s == 'p') len += 1 + 2 * ins[len];
        else len++;
    }
    return len;
}

uint32_t code_line(const Code *code, uint32_t pc)
{
    uint32_t line = 0;
    for (uint32_t i = 0; i < code->nlines && code->lines[i].pc <= pc; i++) line = code->lines[i].line;
    return line;
}

static void operand(FILE *out, char kind, uint32_t w)
{
    switch (kind) {
    case 'r': fprintf(out, " r%u", w); break;
    case 'R': (w & OPK_BIT) ? fprintf(out, " k%u", w & ~OPK_BIT) : fprintf(out, " r%u", w); break;
    case 'k': fprintf(out, " k%u", w); break;
    case 'L': fprintf(out, " @%u", w); break;
    case 'a': fprintf(out, " :%s", atom_name(w)); break;
    default: fprintf(out, " %u", w); break;
    }
}

void code_disassemble(const Code *code, void *outp)
{
    FILE *out = outp;
    fprintf(out, "code arity=%u nregs=%u nfree=%u\n", code->head.arity, code->nregs, code->nfree);
    for (uint32_t pc = 0; pc < code->nins; pc += op_length(code->ins + pc)) {
        const uint32_t *ins = code->ins + pc;
        fprintf(out, "%5u %s", pc, op_name((Opcode)ins[0]));
        uint32_t at = 1;
        for (const char *s = op_signature((Opcode)ins[0]); *s; s++) {
            if (*s == 'n' || *s == 'p') {
                uint32_t n = ins[at++] * (*s == 'p' ? 2 : 1);
                fprintf(out, " [");
                for (uint32_t i = 0; i < n; i++) operand(out, 'r', ins[at++]);
                fprintf(out, " ]");
            } else {
                operand(out, *s, ins[at++]);
            }
        }
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < code->nchildren; i++) code_disassemble(code->children[i], out);
}
