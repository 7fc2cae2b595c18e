/* opcodes.h: ember's instruction set. An instruction is a stream of uint32_t words: the opcode,
 * then its operands as listed by the signature string (one letter per operand):
 *   r  register (frame-relative index)       R  register, or constant when bit 31 (OPK_BIT) is set
 *   k  index into the code's constant table  L  label: absolute word offset in the code
 *   i  unsigned immediate                    a  atom index
 *   f  index into the module's function table (local call)
 *   c  index into the code's child table (a nested fn)
 *   m  index into the code's import table (an Export)
 *   n  a count N, then N registers           p  a count N, then N register pairs
 *   x  index into the code's pointer table (compile-time objects such as module definitions)
 * Pattern tests ("T..." ops) jump to their label when the test fails. Every call, tail call,
 * SENDT and backward jump costs one reduction; the VM may stop before any of them and resume
 * there.
 */
#ifndef EMBER_OPCODES_H
#define EMBER_OPCODES_H

#define OPK_BIT 0x80000000u

/* Elements a SENDT carries at most; a bigger tuple is built and sent by a call to send/2. */
#define SENDT_MAX 16

#define OPCODE_LIST(X) \
    X(MOVE, "rr")          /* d s:        d = s                                                */ \
    X(LOADK, "rk")         /* d k:        d = const k                                          */ \
    X(ADD, "rRR")          /* d a b:      arithmetic; ArithmeticError on non-numbers/overflow  */ \
    X(SUB, "rRR")                                                                                 \
    X(MUL, "rRR")                                                                                 \
    X(DIV, "rRR")          /* always a float                                                   */ \
    X(NEG, "rR")                                                                                  \
    X(IDIV, "rRR")         /* d a b:      div(a, b), Kernel's: ArithmeticError unless integers  */ \
    X(REM, "rRR")          /* d a b:      rem(a, b)                                            */ \
    X(LT, "rRR")           /* d a b:      d = a < b in term order                              */ \
    X(LE, "rRR")                                                                                  \
    X(GT, "rRR")                                                                                  \
    X(GE, "rRR")                                                                                  \
    X(EQ, "rRR")           /* ==                                                               */ \
    X(NE, "rRR")           /* !=                                                               */ \
    X(SEQ, "rRR")          /* ===                                                              */ \
    X(SNE, "rRR")          /* !==                                                              */ \
    X(NOT, "rr")           /* d s:        boolean not; ArgumentError on a non-boolean          */ \
    X(BOOLCHK, "ra")       /* s op:       BadBooleanError unless s is a boolean                */ \
    X(JUMP, "L")                                                                                  \
    X(JUMPBACK, "L")       /* a loop's back edge: costs a reduction                            */ \
    X(JFALSY, "rL")        /* s L:        jump if s is nil or false                            */ \
    X(JTRUTHY, "rL")                                                                              \
    X(JNOTTRUE, "rL")      /* guards: jump unless s is exactly true                            */ \
    X(TLT, "LRR")          /* L a b:      jump unless a < b (guards; TLE, TGT, TGE alike)      */ \
    X(TLE, "LRR")                                                                                 \
    X(TGT, "LRR")                                                                                 \
    X(TGE, "LRR")                                                                                 \
    X(TTUPLE, "Lri")       /* L s n:      s is a tuple of arity n                              */ \
    X(TCONS, "Lr")         /* L s:        s is a non-empty list                                */ \
    X(TNIL, "Lr")          /* L s:        s is []                                              */ \
    X(TMAP, "Lr")          /* L s:        s is a map                                           */ \
    X(TEQ, "Lrr")          /* L a b:      a === b                                              */ \
    X(TEQK, "Lrk")         /* L a k:      a === const k                                        */ \
    X(GETELEM, "rri")      /* d s i:      d = elem(s, i) (s known to be a big enough tuple)    */ \
    X(GETHD, "rr")                                                                                \
    X(GETTL, "rr")                                                                                \
    X(MAPFETCH, "Lrrr")    /* L d m key:  d = m[key], jump if absent                           */ \
    X(BINPREFIX, "Lrrk")   /* L d s k:    s is a binary starting with const k; d = the rest    */ \
    X(TUPLE, "rn")         /* d n r...:   d = {r...}                                           */ \
    X(CONS, "rrr")         /* d h t:      d = [h | t]                                          */ \
    X(MAP, "rp")           /* d n (k v)...: d = %{k => v...} (later keys win)                  */ \
    X(MAPUPD, "rrp")       /* d m n (k v)...: %{m | k => v}; BadMapError / KeyError            */ \
    X(FUN, "rcn")          /* d c n r...: d = closure of child c capturing r...                */ \
    X(GETFREE, "ri")       /* d i:        d = i-th captured value of the running closure       */ \
    X(CALL, "rfn")         /* d f n r...: local call                                           */ \
    X(TCALL, "fn")         /* f n r...:   local tail call                                      */ \
    X(CALLX, "rmn")        /* d m n r...: call an export (module function or builtin)          */ \
    X(TCALLX, "mn")                                                                               \
    X(CALLF, "rrn")        /* d fun n r...: fun.(r...)                                         */ \
    X(TCALLF, "rn")                                                                               \
    X(CALLD, "rran")       /* d mod name n r...: mod.name(r...) with mod in a register         */ \
    X(TCALLD, "ran")                                                                              \
    X(SENDT, "rn")         /* dest n r...: send(dest, {r...}) for its effect only (no result)   */ \
    X(RET, "r")                                                                                   \
    X(DOT, "rra")          /* d s field:  s.field (map key, or a 0-arity call if s is an atom) */ \
    X(ERROR, "ar")         /* kind s:     raise the error named by atom kind (term s)          */ \
    X(FCLAUSE, "")         /* raise FunctionClauseError for the running function's arguments   */ \
    X(TRY, "Lrr")          /* L kr vr:    install a handler                                    */ \
    X(ENDTRY, "")          /* remove the innermost handler                                     */ \
    X(RERAISE, "rr")       /* kr vr:      raise again what a handler caught                    */ \
    X(ITER, "rr")          /* s e:        start iterating e in registers s, s+1, s+2           */ \
    X(NEXT, "Lrr")         /* L d s:      d = next element, or jump when done (a reduction)    */ \
    X(TOSTR, "rr")         /* d s:        d = to_string(s) (String.Chars)                      */ \
    X(CONCAT, "rn")        /* d n r...:   d = binaries r... joined                             */ \
    X(RECVNEXT, "Lri")     /* L d copy:   d = message at the save pointer, or jump if none     */ \
    X(RECVSKIP, "Lr")      /* L msg:      advance the save pointer and jump                    */ \
    X(RECVTAKE, "Lrii")    /* L msg bound hi: remove the matched message (or match again from L) */ \
    X(RECVWAIT, "L")       /* L:          park until a message arrives, then resume at L       */ \
    X(RECVAFTER, "LrL")    /* L t La:     as RECVWAIT, but resume at La after t ms             */ \
    X(DEFMOD, "rx")        /* d x:        define the module described by pointer x (a ModuleDef) */ \
    X(MODDONE, "xn")       /* x n r...:   finish module definition x with its attribute values  */

typedef enum Opcode {
#define X(name, sig) OP_##name,
    OPCODE_LIST(X)
#undef X
    OP__COUNT
} Opcode;

/* The signature string of `op` (see above). */
const char *op_signature(Opcode op);

/* The name of `op` ("MOVE"), for the disassembler. */
const char *op_name(Opcode op);

/* Words the instruction at `ins` takes, operands included. */
unsigned op_length(const unsigned *ins); /* ins: uint32_t words */

#endif
