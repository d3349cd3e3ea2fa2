package dev.trellis.lua;

/**
 * The instruction set of the Trellis Lua VM: PUC Lua's register machine, with 32-bit instructions
 * laid out as {@code B(9) C(9) A(8) op(6)} (Lua 5.1 style), or {@code Bx(18) A(8) op(6)}. An RK
 * operand of 256 or more names constant {@code RK - 256}.
 *
 * <pre>{@code
 * int add = OpCode.abc(OpCode.ADD, 0, 1, OpCode.RK_CONST + 2);  // R0 = R1 + K2
 * }</pre>
 */
public final class OpCode {
    private OpCode() {}

    public static final int MOVE = 0, LOADK = 1, LOADBOOL = 2, LOADNIL = 3, GETUPVAL = 4, GETTABUP = 5,
            GETTABLE = 6, SETTABUP = 7, SETUPVAL = 8, SETTABLE = 9, NEWTABLE = 10, SELF = 11,
            ADD = 12, SUB = 13, MUL = 14, MOD = 15, POW = 16, DIV = 17, IDIV = 18, BAND = 19, BOR = 20,
            BXOR = 21, SHL = 22, SHR = 23, UNM = 24, BNOT = 25, NOT = 26, LEN = 27, CONCAT = 28,
            JMP = 29, EQ = 30, LT = 31, LE = 32, TEST = 33, CALL = 34, TAILCALL = 35, RETURN = 36,
            FORLOOP = 37, FORPREP = 38, TFORCALL = 39, TFORLOOP = 40, SETLIST = 41, CLOSE = 42, TBC = 43,
            CLOSURE = 44, VARARG = 45, EXTRAARG = 46;

    static final String[] NAMES = {"MOVE", "LOADK", "LOADBOOL", "LOADNIL", "GETUPVAL", "GETTABUP",
        "GETTABLE", "SETTABUP", "SETUPVAL", "SETTABLE", "NEWTABLE", "SELF", "ADD", "SUB", "MUL", "MOD",
        "POW", "DIV", "IDIV", "BAND", "BOR", "BXOR", "SHL", "SHR", "UNM", "BNOT", "NOT", "LEN", "CONCAT",
        "JMP", "EQ", "LT", "LE", "TEST", "CALL", "TAILCALL", "RETURN", "FORLOOP", "FORPREP", "TFORCALL",
        "TFORLOOP", "SETLIST", "CLOSE", "TBC", "CLOSURE", "VARARG", "EXTRAARG"};

    /** RK operands at or above this value name a constant. */
    public static final int RK_CONST = 256;
    public static final int MAX_BX = (1 << 18) - 1;
    public static final int MAX_SBX = MAX_BX >> 1;
    /** Items stored by one SETLIST. */
    public static final int FIELDS_PER_FLUSH = 50;

    public static int abc(int op, int a, int b, int c) {
        return op | a << 6 | c << 14 | b << 23;
    }

    public static int abx(int op, int a, int bx) {
        return op | a << 6 | bx << 14;
    }

    public static int asbx(int op, int a, int sbx) {
        return abx(op, a, sbx + MAX_SBX);
    }

    public static int op(int i) {
        return i & 0x3F;
    }

    public static int a(int i) {
        return (i >>> 6) & 0xFF;
    }

    public static int b(int i) {
        return i >>> 23;
    }

    public static int c(int i) {
        return (i >>> 14) & 0x1FF;
    }

    public static int bx(int i) {
        return i >>> 14;
    }

    public static int sbx(int i) {
        return (i >>> 14) - MAX_SBX;
    }

    public static int setSbx(int i, int sbx) {
        return (i & 0x3FFF) | (sbx + MAX_SBX) << 14;
    }

    public static int setA(int i, int a) {
        return (i & ~(0xFF << 6)) | a << 6;
    }

    /** A readable form of one instruction, for listings and tests. */
    public static String toString(int i) {
        int op = op(i);
        String name = op < NAMES.length ? NAMES[op] : "OP" + op;
        return switch (op) {
            case LOADK, CLOSURE -> name + " " + a(i) + " " + bx(i);
            case JMP, FORLOOP, FORPREP, TFORLOOP -> name + " " + a(i) + " " + sbx(i);
            default -> name + " " + a(i) + " " + b(i) + " " + c(i);
        };
    }
}
