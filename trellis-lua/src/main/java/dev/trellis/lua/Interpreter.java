package dev.trellis.lua;

import static dev.trellis.lua.OpCode.*;

/**
 * The register VM. One {@link #run} loop executes Lua frames of one coroutine without Java
 * recursion: a Lua call pushes a heap {@link CallFrame} and continues in the same loop, a return
 * pops it. pcall/xpcall frames and metamethod frames are ordinary frames with flags, so a coroutine
 * can yield across them. Java recursion happens only where a Java function calls back into Lua
 * ({@link #call}) or a coroutine is resumed; such nested runs cannot be yielded across.
 *
 * <p>Design after PUC Lua 5.4's {@code lvm.c}/{@code ldo.c}; differences: frames are Java objects
 * reused per depth, results of metamethod frames are delivered by continuation flags instead of
 * {@code luaV_finishOp}, and open upvalues point at the coroutine's stack array, which is
 * re-pointed when the stack grows.
 */
final class Interpreter {
    private Interpreter() {}

    static final Object[] EMPTY = new Object[0];

    // ---------------------------------------------------------------- the loop

    /**
     * Runs the coroutine until its frame depth falls to {@code stopDepth} (returns true) or it
     * yields (returns false).
     */
    static boolean run(Coroutine co, int stopDepth) {
        LuaState L = co.state;
        while (true) {
            try {
                return loop(co, L, stopDepth);
            } catch (LuaError e) {
                if (!Errors.handle(co, e, stopDepth)) throw e;
            } catch (LuaKill k) {
                Calls.unwindAll(co, stopDepth);
                throw k;
            } catch (StackOverflowError e) {
                LuaError le = LuaError.runtime("stack overflow");
                if (!Errors.handle(co, le, stopDepth)) throw le;
            } catch (RuntimeException e) {
                LuaError le = LuaError.runtime(String.valueOf(e));
                if (!Errors.handle(co, le, stopDepth)) throw le;
            }
        }
    }

    /** Results of {@link #execute}. */
    private static final int NEXT_FRAME = 0, DONE = 1, YIELDED = 2;

    private static boolean loop(Coroutine co, LuaState L, int stopDepth) {
        while (true) {
            int r = execute(co, L, stopDepth);
            if (r != NEXT_FRAME) return r == DONE;
        }
    }

    /**
     * Runs the top frame until the running frame changes (a call or return that is not handled
     * in place: {@link #NEXT_FRAME}), the run ends ({@link #DONE}) or the coroutine yields
     * ({@link #YIELDED}). One invocation per frame switch keeps this method hot for the JIT as an
     * ordinary method (no on-stack replacement needed for long scripts).
     */
    private static int execute(Coroutine co, LuaState L, int stopDepth) {
        CallFrame f = co.frames[co.depth - 1];
        int[] code = f.p.code;
        Object[] k = f.p.constants;
        Upvalue[] up = f.closure.upvals;
        Object[] s = co.stack;
        int base = f.base;
        int pc = f.pc;
        try {
        while (true) {
            int i = code[pc++];
            // Operands, A included, are decoded as (i ^ OP) >>> n inside each case (the same value:
            // OP < 64 only touches the opcode bits). Identical decode expressions in many cases were
            // hoisted by C2 above the switch and spilled to the stack on every dispatch.
            switch (i & 0x3F) {
                case MOVE: {
                    int a = base + (((i ^ MOVE) >>> 6) & 0xFF);
                    s[a] = s[base + ((i ^ MOVE) >>> 23)];
                    continue;
                }
                case LOADK: {
                    int a = base + (((i ^ LOADK) >>> 6) & 0xFF);
                    s[a] = k[i >>> 14];
                    continue;
                }
                case LOADBOOL: {
                    int a = base + (((i ^ LOADBOOL) >>> 6) & 0xFF);
                    s[a] = ((i ^ LOADBOOL) >>> 23) != 0 ? Boolean.TRUE : Boolean.FALSE;
                    if ((((i ^ LOADBOOL) >>> 14) & 0x1FF) != 0) pc++;
                    continue;
                }
                case LOADNIL: {
                    int a = base + (((i ^ LOADNIL) >>> 6) & 0xFF);
                    int b = (i ^ LOADNIL) >>> 23;
                    for (int j = 0; j <= b; j++) s[a + j] = null;
                    continue;
                }
                case GETUPVAL: {
                    int a = base + (((i ^ GETUPVAL) >>> 6) & 0xFF);
                    s[a] = up[(i ^ GETUPVAL) >>> 23].get();
                    continue;
                }
                case GETTABUP: {
                    int a = base + (((i ^ GETTABUP) >>> 6) & 0xFF);
                    Object t = up[(i ^ GETTABUP) >>> 23].get();
                    int c = ((i ^ GETTABUP) >>> 14) & 0x1FF;
                    Object key = c >= 256 ? k[c - 256] : s[base + c];
                    if (t instanceof LuaTable tt) {
                        Object v = (key instanceof String ks ? tt.rawgetStr(ks) : tt.rawget(key));
                        LuaTable mt = tt.getMetatable();
                        if (v != null || mt == null) {
                            s[a] = v;
                            continue;
                        }
                        if (mt.rawgetStr("__index") instanceof LuaTable ht) { // one inline class level
                            v = (key instanceof String ks ? ht.rawgetStr(ks) : ht.rawget(key));
                            if (v != null || ht.getMetatable() == null) {
                                s[a] = v;
                                continue;
                            }
                        }
                    }
                    f.pc = pc;
                    if (Metamethods.index(co, f, t, key, a)) return NEXT_FRAME;
                    s = co.stack;
                    continue;
                }
                case GETTABLE: {
                    int a = base + (((i ^ GETTABLE) >>> 6) & 0xFF);
                    Object t = s[base + ((i ^ GETTABLE) >>> 23)];
                    int c = ((i ^ GETTABLE) >>> 14) & 0x1FF;
                    Object key = c >= 256 ? k[c - 256] : s[base + c];
                    if (t instanceof LuaTable tt) {
                        Object v = (key instanceof String ks ? tt.rawgetStr(ks) : key instanceof Long kl ? tt.rawgetInt(kl) : tt.rawget(key));
                        LuaTable mt = tt.getMetatable();
                        if (v != null || mt == null) {
                            s[a] = v;
                            continue;
                        }
                        if (mt.rawgetStr("__index") instanceof LuaTable ht) { // one inline class level
                            v = (key instanceof String ks ? ht.rawgetStr(ks) : key instanceof Long kl ? ht.rawgetInt(kl) : ht.rawget(key));
                            if (v != null || ht.getMetatable() == null) {
                                s[a] = v;
                                continue;
                            }
                        }
                    }
                    f.pc = pc;
                    if (Metamethods.index(co, f, t, key, a)) return NEXT_FRAME;
                    s = co.stack;
                    continue;
                }
                case SETTABUP: {
                    Object t = up[(i >>> 6) & 0xFF].get();
                    int b = (i ^ SETTABUP) >>> 23, c = ((i ^ SETTABUP) >>> 14) & 0x1FF;
                    Object key = b >= 256 ? k[b - 256] : s[base + b];
                    Object v = c >= 256 ? k[c - 256] : s[base + c];
                    if (t instanceof LuaTable tt && tt.getMetatable() == null) {
                        if (key instanceof String ks) tt.rawsetStr(ks, v); else if (key instanceof Long kl) tt.rawsetInt(kl, v); else tt.rawset(key, v);
                        continue;
                    }
                    f.pc = pc;
                    if (Metamethods.newindex(co, f, t, key, v)) return NEXT_FRAME;
                    s = co.stack;
                    continue;
                }
                case SETUPVAL: {
                    int a = base + (((i ^ SETUPVAL) >>> 6) & 0xFF);
                    up[(i ^ SETUPVAL) >>> 23].set(s[a]);
                    continue;
                }
                case SETTABLE: {
                    int a = base + (((i ^ SETTABLE) >>> 6) & 0xFF);
                    Object t = s[a];
                    int b = (i ^ SETTABLE) >>> 23, c = ((i ^ SETTABLE) >>> 14) & 0x1FF;
                    Object key = b >= 256 ? k[b - 256] : s[base + b];
                    Object v = c >= 256 ? k[c - 256] : s[base + c];
                    if (t instanceof LuaTable tt && tt.getMetatable() == null) {
                        if (key instanceof String ks) tt.rawsetStr(ks, v); else if (key instanceof Long kl) tt.rawsetInt(kl, v); else tt.rawset(key, v);
                        continue;
                    }
                    f.pc = pc;
                    if (Metamethods.newindex(co, f, t, key, v)) return NEXT_FRAME;
                    s = co.stack;
                    continue;
                }
                case NEWTABLE: {
                    int a = base + (((i ^ NEWTABLE) >>> 6) & 0xFF);
                    s[a] = new LuaTable((i ^ NEWTABLE) >>> 23, ((i ^ NEWTABLE) >>> 14) & 0x1FF);
                    continue;
                }
                case SELF: {
                    int a = base + (((i ^ SELF) >>> 6) & 0xFF);
                    Object o = s[base + ((i ^ SELF) >>> 23)];
                    int c = ((i ^ SELF) >>> 14) & 0x1FF;
                    Object key = c >= 256 ? k[c - 256] : s[base + c];
                    s[a + 1] = o;
                    if (o instanceof LuaTable tt) {
                        Object v = (key instanceof String ks ? tt.rawgetStr(ks) : tt.rawget(key));
                        LuaTable mt = tt.getMetatable();
                        if (v != null || mt == null) {
                            s[a] = v;
                            continue;
                        }
                        if (mt.rawgetStr("__index") instanceof LuaTable ht) {
                            v = (key instanceof String ks ? ht.rawgetStr(ks) : ht.rawget(key));
                            if (v != null || ht.getMetatable() == null) {
                                s[a] = v;
                                continue;
                            }
                        }
                    } else if (o instanceof String) {
                        Object v = L.library.stringFunctions.rawget(key);
                        if (v != null) {
                            s[a] = v;
                            continue;
                        }
                    }
                    f.pc = pc;
                    if (Metamethods.index(co, f, o, key, a)) return NEXT_FRAME;
                    s = co.stack;
                    continue;
                }
                case ADD: {
                    int a = base + (((i ^ ADD) >>> 6) & 0xFF);
                    int b = (i ^ ADD) >>> 23, c = ((i ^ ADD) >>> 14) & 0x1FF;
                    Object x = b >= 256 ? k[b - 256] : s[base + b];
                    Object y = c >= 256 ? k[c - 256] : s[base + c];
                    if (x instanceof Long lx && y instanceof Long ly) {
                        s[a] = LuaValues.valueOf(lx + ly);
                    } else if (x instanceof Double dx && y instanceof Double dy) {
                        s[a] = dx + dy;
                    } else if ((f.pc = pc) >= 0 && Metamethods.arith(co, f, Arith.ADD, x, y, a)) {
                        return NEXT_FRAME;
                    } else {
                        s = co.stack;
                    }
                    continue;
                }
                case SUB: {
                    int a = base + (((i ^ SUB) >>> 6) & 0xFF);
                    int b = (i ^ SUB) >>> 23, c = ((i ^ SUB) >>> 14) & 0x1FF;
                    Object x = b >= 256 ? k[b - 256] : s[base + b];
                    Object y = c >= 256 ? k[c - 256] : s[base + c];
                    if (x instanceof Long lx && y instanceof Long ly) {
                        s[a] = LuaValues.valueOf(lx - ly);
                    } else if (x instanceof Double dx && y instanceof Double dy) {
                        s[a] = dx - dy;
                    } else if ((f.pc = pc) >= 0 && Metamethods.arith(co, f, Arith.SUB, x, y, a)) {
                        return NEXT_FRAME;
                    } else {
                        s = co.stack;
                    }
                    continue;
                }
                case MUL: {
                    int a = base + (((i ^ MUL) >>> 6) & 0xFF);
                    int b = (i ^ MUL) >>> 23, c = ((i ^ MUL) >>> 14) & 0x1FF;
                    Object x = b >= 256 ? k[b - 256] : s[base + b];
                    Object y = c >= 256 ? k[c - 256] : s[base + c];
                    if (x instanceof Long lx && y instanceof Long ly) {
                        s[a] = LuaValues.valueOf(lx * ly);
                    } else if (x instanceof Double dx && y instanceof Double dy) {
                        s[a] = dx * dy;
                    } else if ((f.pc = pc) >= 0 && Metamethods.arith(co, f, Arith.MUL, x, y, a)) {
                        return NEXT_FRAME;
                    } else {
                        s = co.stack;
                    }
                    continue;
                }
                case MOD: case POW: case DIV: case IDIV: case BAND: case BOR: case BXOR: case SHL: case SHR: {
                    int a = base + (((i ^ MOD) >>> 6) & 0xFF);
                    int b = (i ^ MOD) >>> 23, c = ((i ^ MOD) >>> 14) & 0x1FF;
                    Object x = b >= 256 ? k[b - 256] : s[base + b];
                    Object y = c >= 256 ? k[c - 256] : s[base + c];
                    int op = (i & 0x3F) - ADD;
                    if (x instanceof Long lx && y instanceof Long ly) {
                        long vx = lx, vy = ly;
                        switch (op) {
                            case Arith.MOD:
                                if (vy > 0) {
                                    s[a] = LuaValues.valueOf(Math.floorMod(vx, vy));
                                    continue;
                                }
                                break;
                            case Arith.DIV:
                                s[a] = (double) vx / (double) vy;
                                continue;
                            case Arith.IDIV:
                                if (vy > 0) {
                                    s[a] = LuaValues.valueOf(Math.floorDiv(vx, vy));
                                    continue;
                                }
                                break;
                            case Arith.BAND:
                                s[a] = LuaValues.valueOf(vx & vy);
                                continue;
                            case Arith.BOR:
                                s[a] = LuaValues.valueOf(vx | vy);
                                continue;
                            case Arith.BXOR:
                                s[a] = LuaValues.valueOf(vx ^ vy);
                                continue;
                            default:
                                break;
                        }
                    } else if (op <= Arith.IDIV && x instanceof Double dx && y instanceof Double dy) {
                        s[a] = Arith.floatArith(op, dx, dy);
                        continue;
                    }
                    f.pc = pc;
                    if (Metamethods.arith(co, f, (i & 0x3F) - ADD, x, y, a)) return NEXT_FRAME;
                    s = co.stack;
                    continue;
                }
                case UNM: {
                    int a = base + (((i ^ UNM) >>> 6) & 0xFF);
                    Object x = s[base + ((i ^ UNM) >>> 23)];
                    if (x instanceof Long lx) {
                        s[a] = LuaValues.valueOf(-lx);
                    } else if (x instanceof Double dx) {
                        s[a] = -dx;
                    } else if ((f.pc = pc) >= 0 && Metamethods.arith(co, f, Arith.UNM, x, x, a)) {
                        return NEXT_FRAME;
                    } else {
                        s = co.stack;
                    }
                    continue;
                }
                case BNOT: {
                    int a = base + (((i ^ BNOT) >>> 6) & 0xFF);
                    Object x = s[base + ((i ^ BNOT) >>> 23)];
                    f.pc = pc;
                    if (Metamethods.arith(co, f, Arith.BNOT, x, x, a)) return NEXT_FRAME;
                    s = co.stack;
                    continue;
                }
                case NOT: {
                    int a = base + (((i ^ NOT) >>> 6) & 0xFF);
                    Object x = s[base + ((i ^ NOT) >>> 23)];
                    s[a] = (x == null || x == Boolean.FALSE) ? Boolean.TRUE : Boolean.FALSE;
                    continue;
                }
                case LEN: {
                    int a = base + (((i ^ LEN) >>> 6) & 0xFF);
                    Object x = s[base + ((i ^ LEN) >>> 23)];
                    if (x instanceof String str) {
                        s[a] = LuaValues.valueOf(str.length());
                    } else if (x instanceof LuaTable t && t.getMetatable() == null) {
                        s[a] = LuaValues.valueOf(t.length());
                    } else if ((f.pc = pc) >= 0 && Metamethods.len(co, f, x, a)) {
                        return NEXT_FRAME;
                    } else {
                        s = co.stack;
                    }
                    continue;
                }
                case CONCAT: {
                    int a = base + (((i ^ CONCAT) >>> 6) & 0xFF);
                    int b = (i ^ CONCAT) >>> 23, c = ((i ^ CONCAT) >>> 14) & 0x1FF;
                    f.pc = pc;
                    if (c == b + 1 && Metamethods.concatPair(co, f, s[base + b], s[base + c], a)) {
                        return NEXT_FRAME; // a Lua __concat runs as a frame (it may yield)
                    }
                    Object r = Metamethods.concat(co, f, base + b, base + c);
                    s = co.stack;
                    s[a] = r;
                    continue;
                }
                case JMP: {
                    int sbx = ((i ^ JMP) >>> 14) - MAX_SBX;
                    int close = (i >>> 6) & 0xFF;
                    if (close != 0) {
                        f.pc = pc;
                        if (ColdInstructions.closeInFrame(co, f, base + close - 1, pc - 1)) return NEXT_FRAME;
                        Calls.closeLevel(co, base + close - 1, null);
                        s = co.stack;
                    }
                    pc += sbx;
                    if (sbx < 0 && --L.hookCounter <= 0) {
                        f.pc = pc;
                        L.tick();
                    }
                    continue;
                }
                case EQ: {
                    int a = base + (((i ^ EQ) >>> 6) & 0xFF);
                    int b = (i ^ EQ) >>> 23, c = ((i ^ EQ) >>> 14) & 0x1FF;
                    Object x = b >= 256 ? k[b - 256] : s[base + b];
                    Object y = c >= 256 ? k[c - 256] : s[base + c];
                    boolean eq;
                    if (x == y) eq = !(x instanceof Double d && d.isNaN());
                    else if (x instanceof LuaTable || x instanceof LuaUserdata) {
                        f.pc = pc;
                        int r = Metamethods.eq(co, f, x, y, (i >>> 6) & 0xFF);
                        if (r == 2) return NEXT_FRAME;
                        s = co.stack; // a Java metamethod may have grown the stack
                        eq = r == 1;
                    } else eq = LuaValues.rawEquals(x, y);
                    if (eq != ((((i ^ EQ) >>> 6) & 0xFF) != 0)) {
                        pc++;
                    } else {
                        // the following forward JMP (without upvalues to close) runs here, saving a dispatch
                        int j = code[pc];
                        if ((j & 0x3FFF) == JMP && (j >>> 14) >= MAX_SBX) pc += (j >>> 14) - MAX_SBX + 1;
                    }
                    continue;
                }
                case LT: {
                    int a = base + (((i ^ LT) >>> 6) & 0xFF);
                    int b = (i ^ LT) >>> 23, c = ((i ^ LT) >>> 14) & 0x1FF;
                    Object x = b >= 256 ? k[b - 256] : s[base + b];
                    Object y = c >= 256 ? k[c - 256] : s[base + c];
                    boolean lt;
                    if (x instanceof Long lx && y instanceof Long ly) lt = lx < ly;
                    else if (x instanceof Double dx && y instanceof Double dy) lt = dx < dy;
                    else {
                        f.pc = pc;
                        int r = Metamethods.lessThan(co, f, x, y, (i >>> 6) & 0xFF, false);
                        if (r == 2) return NEXT_FRAME;
                        s = co.stack; // a Java metamethod may have grown the stack
                        lt = r == 1;
                    }
                    if (lt != ((((i ^ LT) >>> 6) & 0xFF) != 0)) {
                        pc++;
                    } else {
                        // the following forward JMP (without upvalues to close) runs here, saving a dispatch
                        int j = code[pc];
                        if ((j & 0x3FFF) == JMP && (j >>> 14) >= MAX_SBX) pc += (j >>> 14) - MAX_SBX + 1;
                    }
                    continue;
                }
                case LE: {
                    int a = base + (((i ^ LE) >>> 6) & 0xFF);
                    int b = (i ^ LE) >>> 23, c = ((i ^ LE) >>> 14) & 0x1FF;
                    Object x = b >= 256 ? k[b - 256] : s[base + b];
                    Object y = c >= 256 ? k[c - 256] : s[base + c];
                    boolean le;
                    if (x instanceof Long lx && y instanceof Long ly) le = lx <= ly;
                    else if (x instanceof Double dx && y instanceof Double dy) le = dx <= dy;
                    else {
                        f.pc = pc;
                        int r = Metamethods.lessThan(co, f, x, y, (i >>> 6) & 0xFF, true);
                        if (r == 2) return NEXT_FRAME;
                        s = co.stack; // a Java metamethod may have grown the stack
                        le = r == 1;
                    }
                    if (le != ((((i ^ LE) >>> 6) & 0xFF) != 0)) {
                        pc++;
                    } else {
                        // the following forward JMP (without upvalues to close) runs here, saving a dispatch
                        int j = code[pc];
                        if ((j & 0x3FFF) == JMP && (j >>> 14) >= MAX_SBX) pc += (j >>> 14) - MAX_SBX + 1;
                    }
                    continue;
                }
                case TEST: {
                    int a = base + (((i ^ TEST) >>> 6) & 0xFF);
                    Object x = s[a];
                    boolean truth = x != null && x != Boolean.FALSE;
                    if (truth != ((((i ^ TEST) >>> 14) & 0x1FF) != 0)) {
                        pc++;
                    } else {
                        // the following forward JMP (without upvalues to close) runs here, saving a dispatch
                        int j = code[pc];
                        if ((j & 0x3FFF) == JMP && (j >>> 14) >= MAX_SBX) pc += (j >>> 14) - MAX_SBX + 1;
                    }
                    continue;
                }
                case CALL: {
                    int a = base + (((i ^ CALL) >>> 6) & 0xFF);
                    int b = (i ^ CALL) >>> 23;
                    int nargs = b != 0 ? b - 1 : f.top - a - 1;
                    int nres = (((i ^ CALL) >>> 14) & 0x1FF) - 1;
                    Object fn = s[a];
                    f.pc = pc;
                    if (--L.hookCounter <= 0) L.tick();
                    if (fn instanceof LuaClosure lc) {
                        Prototype np = lc.p;
                        int nb = a + 1;
                        int d = co.depth;
                        CallFrame nf;
                        if (!np.isVararg && nb + np.numParams + np.maxStack <= s.length
                                && d < co.frames.length && (nf = co.frames[d]) != null) {
                            // fast path: fixed-arity Lua call, frame switch without leaving the loop
                            for (int j = nargs; j < np.numParams; j++) s[nb + j] = null;
                            co.depth = d + 1;
                            // pc and top of the new frame are written before anything reads them;
                            // varargs is already null (returns clear it)
                            nf.closure = lc;
                            nf.p = np;
                            nf.base = nb;
                            nf.ret = a;
                            nf.nresults = nres;
                            nf.flags = 0;
                            nf.pc = 0;
                            return NEXT_FRAME;
                        }
                        Frames.pushLua(co, lc, a, nargs, nres);
                        return NEXT_FRAME;
                    }
                    f.pc = pc;
                    if (!Calls.callOther(co, f, a, nargs, nres)) return YIELDED;
                    return NEXT_FRAME;
                }
                case TAILCALL: {
                    int a = base + (((i ^ TAILCALL) >>> 6) & 0xFF);
                    int b = (i ^ TAILCALL) >>> 23;
                    int nargs = b != 0 ? b - 1 : f.top - a - 1;
                    Object fn = s[a];
                    f.pc = pc;
                    if (--L.hookCounter <= 0) L.tick();
                    if (fn instanceof LuaClosure lc) {
                        ColdInstructions.tailCall(co, f, a, nargs, lc);
                        return NEXT_FRAME;
                    }
                    f.pc = pc;
                    if (!Calls.callOther(co, f, a, nargs, -1)) return YIELDED;
                    return NEXT_FRAME;
                }
                case RETURN: {
                    int a = base + (((i ^ RETURN) >>> 6) & 0xFF);
                    int b = (i ^ RETURN) >>> 23;
                    int n = b != 0 ? b - 1 : f.top - a;
                    if (co.tbcCount > 0 && co.tbc[co.tbcCount - 1] >= base) {
                        f.pc = pc;
                        if (ColdInstructions.closeInFrame(co, f, base, pc - 1)) return NEXT_FRAME;
                        Calls.closeTbc(co, base, null);
                        s = co.stack;
                    }
                    Upvalue ou = co.openUpvals;
                    if (ou != null && ou.index >= base) co.closeUpvalues(base);
                    int d = co.depth - 1;
                    if (f.flags == 0 && d > stopDepth) {
                        // fast path: plain return to a Lua caller in this run
                        int ret = f.ret;
                        int wanted = f.nresults;
                        CallFrame caller = co.frames[d - 1];
                        if (wanted == 1) {
                            s[ret] = n > 0 ? s[a] : null;
                        } else if (wanted >= 0) {
                            for (int j = 0; j < wanted; j++) s[ret + j] = j < n ? s[a + j] : null;
                        } else {
                            System.arraycopy(s, a, s, ret, n);
                            caller.top = ret + n;
                        }
                        // the popped frame keeps its closure until the depth is reused
                        if (f.varargs != null) f.varargs = null;
                        co.depth = d;
                        return NEXT_FRAME;
                    }
                    Frames.doReturn(co, f, a, n);
                    if (co.depth == stopDepth) return DONE;
                    return NEXT_FRAME;
                }
                case FORLOOP: {
                    int a = base + (((i ^ FORLOOP) >>> 6) & 0xFF);
                    Object st = s[a + 1];
                    if (st instanceof long[] counter) {
                        if (counter[0]-- != 0) {
                            long next = counter[2] + counter[1]; // the index lives in the counter
                            counter[2] = next;
                            s[a + 3] = LuaValues.valueOf(next);
                            pc += ((i ^ FORLOOP) >>> 14) - MAX_SBX;
                        }
                    } else {
                        double step = (Double) s[a + 2];
                        double limit = (Double) st;
                        double v = (Double) s[a] + step;
                        if (step > 0 ? v <= limit : v >= limit) {
                            Double dv = v;
                            s[a] = dv;
                            s[a + 3] = dv;
                            pc += ((i ^ FORLOOP) >>> 14) - MAX_SBX;
                        }
                    }
                    if (--L.hookCounter <= 0) {
                        f.pc = pc;
                        L.tick();
                    }
                    continue;
                }
                case FORPREP: {
                    int a = base + (((i ^ FORPREP) >>> 6) & 0xFF);
                    f.pc = pc;
                    if (!ForLoop.prepare(s, a)) pc += ((i ^ FORPREP) >>> 14) - MAX_SBX;
                    continue;
                }
                case TFORCALL: {
                    int a = base + (((i ^ TFORCALL) >>> 6) & 0xFF);
                    f.pc = pc;
                    int r = ColdInstructions.forCall(co, f, i, a);
                    if (r == 0) continue;
                    if (r < 0) return YIELDED;
                    return NEXT_FRAME;
                }
                case TFORLOOP: {
                    int a = base + (((i ^ TFORLOOP) >>> 6) & 0xFF);
                    Object v = s[a + 4];
                    if (v != null) {
                        s[a + 2] = v;
                        pc += ((i ^ TFORLOOP) >>> 14) - MAX_SBX;
                        if (--L.hookCounter <= 0) {
                            f.pc = pc;
                            L.tick();
                        }
                    }
                    continue;
                }
                case SETLIST: case CLOSE: case TBC: case CLOSURE: case VARARG: {
                    int a = base + (((i ^ SETLIST) >>> 6) & 0xFF);
                    f.pc = pc;
                    pc = ColdInstructions.coldOp(co, f, i, a, pc);
                    if (pc < 0) return NEXT_FRAME;
                    s = co.stack;
                    continue;
                }
                default:
                    throw new IllegalStateException("bad opcode " + (i & 0x3F));
            }
        }
        } catch (RuntimeException | Error e) {
            f.pc = pc; // the error position and traceback read the frame's pc
            throw e;
        }
    }
}
