package dev.trellis.lua;

import static dev.trellis.lua.OpCode.*;

/**
 * Error handling inside the interpreter: adds PUC Lua's position prefix and variable description
 * ({@code attempt to index a nil value (global 'x')}), finds the nearest pcall/xpcall frame and
 * unwinds to it (closing upvalues and to-be-closed variables), and builds tracebacks.
 */
final class Errors {
    private Errors() {}

    /** Handles an error raised in {@code co}; true when a protected frame caught it. */
    static boolean handle(Coroutine co, LuaError e, int stopDepth) {
        if (e.needsPosition) {
            e.needsPosition = false;
            if (co.depth > 0 && !(e.vmLevel && co.currentJava != null)) {
                CallFrame f = co.frames[co.depth - 1];
                String msg = String.valueOf(e.value());
                if (e.wantsVarInfo && co.currentJava == null) {
                    String info = varInfo(co, f);
                    if (info != null) {
                        if (msg.startsWith("number has no")) msg = "number (" + info + ")" + msg.substring(6);
                        else msg = msg + " (" + info + ")";
                    }
                } else if (co.currentJava != null && msg.startsWith("bad argument #") && isMethodCall(f)) {
                    msg = renumberForMethod(msg);
                }
                e.setValue(position(f) + msg);
            }
        }
        JavaFunction raisedIn = co.currentJava;
        co.currentJava = null;
        int d = co.depth - 1;
        while (d >= stopDepth && (co.frames[d].flags & CallFrame.PCALL) == 0) d--;
        if (d < stopDepth) {
            if (e.luaTraceback == null) {
                co.currentJava = raisedIn;
                e.luaTraceback = traceback(co, null);
                co.currentJava = null;
            }
            closeWithError(co, stopDepth, e);
            Calls.unwindAll(co, stopDepth);
            return false;
        }
        CallFrame pf = co.frames[d];
        Object value = e.value();
        if (pf.handler != null) {
            JavaFunction savedRaiser = co.handlerRaisedIn;
            co.handlerRaisedIn = raisedIn; // a traceback taken by the handler starts at the raiser
            try {
                value = ProtectedCall.handle(co.state, pf.handler, value);
            } finally {
                co.handlerRaisedIn = savedRaiser;
            }
        }
        int level = pf.base - 1;
        try {
            Calls.closeTbc(co, level, value);
        } catch (LuaError ce) {
            value = ce.value();
        }
        co.closeUpvalues(level);
        int ret = pf.ret;
        int nres = pf.nresults;
        for (int j = d; j < co.depth; j++) {
            co.frames[j].closure = null;
            co.frames[j].varargs = null;
        }
        co.depth = d;
        Object[] s = co.stack;
        s[ret] = Boolean.FALSE;
        s[ret + 1] = value;
        CallFrame caller = co.frames[d - 1];
        if (nres < 0) caller.top = ret + 2;
        else for (int j = 2; j < nres; j++) s[ret + j] = null;
        return true;
    }

    private static void closeWithError(Coroutine co, int stopDepth, LuaError e) {
        if (co.depth > stopDepth && co.tbcCount > 0) {
            int level = co.frames[stopDepth].ret;
            try {
                Calls.closeTbc(co, level, e.value());
            } catch (LuaError ce) {
                e.setValue(ce.value());
            }
        }
    }

    /** "chunk:line: " for the frame's current instruction. */
    static String position(CallFrame f) {
        return f.p.source + ":" + f.p.lineAt(f.pc - 1) + ": ";
    }

    /** Position of the Lua function at {@code level} (1 = the running Lua function), or "". */
    static String where(Coroutine co, int level) {
        if (level <= 0 || co.depth == 0) return "";
        if (co.cCallDepth == co.depth) return ""; // the Java function was called by Java (pcall)
        int d = co.depth - 1;
        for (int l = 1; l < level; l++) {
            CallFrame f = co.frames[d];
            if ((f.flags & (CallFrame.PCALL | CallFrame.BOUNDARY)) != 0) return "";
            d--;
            if (d < 0) return "";
        }
        return position(co.frames[d]);
    }

    // ---------------------------------------------------------------- variable descriptions

    private static String varInfo(Coroutine co, CallFrame f) {
        Prototype p = f.p;
        int pc = f.pc - 1;
        if (pc < 0 || pc >= p.code.length) return null;
        int i = p.code[pc];
        int op = op(i);
        Object[] s = co.stack;
        switch (op) {
            case GETTABUP:
                return upvalName(p, b(i));
            case SETTABUP:
                return upvalName(p, a(i));
            case GETTABLE: case SELF:
                return regName(p, pc, b(i));
            case SETTABLE: case CALL: case TAILCALL:
                return regName(p, pc, a(i));
            case TFORCALL:
                return "for iterator 'for iterator'";
            case UNM: case LEN:
                return regName(p, pc, b(i));
            case CONCAT: {
                int from = b(i), to = c(i);
                int bad = to;
                while (bad >= from && Metamethods.isStringLike(s[f.base + bad])) bad--;
                if (bad == to && bad - 1 >= from && !Metamethods.isStringLike(s[f.base + bad - 1])) bad--;
                return bad >= from ? regName(p, pc, bad) : null;
            }
            default:
                if (op >= ADD && op <= SHR || op == BNOT) {
                    if (op == BNOT) return regName(p, pc, b(i));
                    int rb = b(i), rc = c(i);
                    Object x = rb >= RK_CONST ? p.constants[rb - RK_CONST] : s[f.base + rb];
                    boolean bitwise = op >= BAND;
                    boolean bad = bitwise ? x instanceof String || Arith.toIntegerStrict(x) == null : Arith.toNumeric(x) == null;
                    int culprit = bad ? rb : rc;
                    if (culprit >= RK_CONST) {
                        Object kv = p.constants[culprit - RK_CONST];
                        return kv instanceof String str ? "constant '" + str + "'" : null;
                    }
                    return regName(p, pc, culprit);
                }
                return null;
        }
    }

    private static boolean isMethodCall(CallFrame f) {
        int pc = f.pc - 1;
        if (pc < 0 || pc >= f.p.code.length || op(f.p.code[pc]) != CALL && op(f.p.code[pc]) != TAILCALL) return false;
        int reg = a(f.p.code[pc]);
        for (int j = pc - 1; j >= 0; j--) {
            int i = f.p.code[j];
            if (a(i) == reg && writesA(op(i))) return op(i) == SELF;
        }
        return false;
    }

    /** PUC numbers arguments of a method call from the first explicit one. */
    private static String renumberForMethod(String msg) {
        int hash = "bad argument #".length();
        int end = msg.indexOf(' ', hash);
        if (end < 0) return msg;
        try {
            int n = Integer.parseInt(msg.substring(hash, end));
            if (n > 1) return "bad argument #" + (n - 1) + msg.substring(end);
            int q1 = msg.indexOf('\'', end), q2 = msg.indexOf('\'', q1 + 1);
            int paren = msg.indexOf(" (", q2);
            if (q1 < 0 || q2 < 0 || paren < 0) return msg;
            return "calling '" + msg.substring(q1 + 1, q2) + "' on bad self" + msg.substring(paren);
        } catch (NumberFormatException e) {
            return msg;
        }
    }

    private static String upvalName(Prototype p, int idx) {
        return idx < p.upvalNames.length ? "upvalue '" + p.upvalNames[idx] + "'" : null;
    }

    /** Describes what register {@code reg} holds at {@code pc}: local, global, field, ... */
    static String regName(Prototype p, int pc, int reg) {
        String local = p.localName(reg, pc);
        if (local != null) return local.startsWith("(") ? null : "local '" + local + "'";
        for (int j = pc - 1; j >= 0; j--) {
            int i = p.code[j];
            int op = op(i);
            if (op == JMP || op == FORLOOP || op == TFORLOOP || op == FORPREP) {
                int target = j + 1 + sbx(i);
                if (target > j && target <= pc) return null;
                continue;
            }
            if (a(i) != reg || !writesA(op)) continue;
            switch (op) {
                case MOVE: {
                    int src = b(i);
                    return src < reg ? regName(p, j, src) : null;
                }
                case GETTABUP: {
                    String key = constString(p, c(i));
                    if (key == null) return null;
                    boolean env = "_ENV".equals(p.upvalNames[b(i)]);
                    return (env ? "global '" : "field '") + key + "'";
                }
                case GETTABLE: {
                    String key = constString(p, c(i));
                    if (key == null) return null;
                    boolean env = "_ENV".equals(p.localName(b(i), j));
                    return (env ? "global '" : "field '") + key + "'";
                }
                case GETUPVAL:
                    return upvalName(p, b(i));
                case LOADK: {
                    Object v = p.constants[bx(i)];
                    return v instanceof String str ? "constant '" + str + "'" : null;
                }
                case SELF: {
                    String key = constString(p, c(i));
                    return key == null ? null : "method '" + key + "'";
                }
                default:
                    return null;
            }
        }
        return null;
    }

    private static boolean writesA(int op) {
        return switch (op) {
            case SETTABUP, SETUPVAL, SETTABLE, EQ, LT, LE, TEST, RETURN, SETLIST, CLOSE, TBC, EXTRAARG -> false;
            default -> true;
        };
    }

    private static String constString(Prototype p, int rk) {
        if (rk < RK_CONST) return null;
        Object v = p.constants[rk - RK_CONST];
        return v instanceof String s ? s : null;
    }

    // ---------------------------------------------------------------- tracebacks

    /** A PUC-style traceback of the coroutine's frames, optionally starting with a message. */
    static String traceback(Coroutine co, String message) {
        StringBuilder sb = new StringBuilder();
        if (message != null) sb.append(message).append('\n');
        sb.append("stack traceback:");
        if (co.currentJava != null) sb.append("\n\t[C]: in ").append(describeJava(co, co.currentJava));
        int shown = 0;
        for (int d = co.depth - 1; d >= 0; d--) {
            if (shown == 10 && d > 11) {
                sb.append("\n\t...\t(skipping ").append(d - 10).append(" levels)");
                d = 10;
            }
            CallFrame f = co.frames[d];
            sb.append("\n\t").append(f.p.source).append(':').append(f.p.lineAt(f.pc - 1)).append(": in ");
            sb.append(describe(co, d));
            if ((f.flags & CallFrame.PCALL) != 0) {
                sb.append("\n\t[C]: in function '").append(f.handler != null ? "xpcall" : "pcall").append('\'');
            }
            shown++;
        }
        sb.append("\n\t[C]: in ?");
        return sb.toString();
    }

    /** PUC's name for a running Java function: its library name, else the call site's name. */
    private static String describeJava(Coroutine co, JavaFunction jf) {
        if (jf.qualifiedName != null) return "function '" + jf.qualifiedName + "'";
        if (co.depth > 0) {
            CallFrame caller = co.frames[co.depth - 1];
            String name = callSiteName(caller);
            if (name != null) return name.startsWith("global ") ? "function " + name.substring(7) : name;
        }
        return "?";
    }

    private static String callSiteName(CallFrame caller) {
        int pc = caller.pc - 1;
        if (pc < 0 || pc >= caller.p.code.length) return null;
        int i = caller.p.code[pc];
        int op = op(i);
        if (op == CALL || op == TAILCALL) return regName(caller.p, pc, a(i));
        return null;
    }

    /** The event of the metamethod the caller's current instruction triggered. */
    private static String metamethodEvent(CallFrame caller) {
        int pc = caller.pc - 1;
        if (pc < 0 || pc >= caller.p.code.length) return null;
        int op = op(caller.p.code[pc]);
        return switch (op) {
            case GETTABUP, GETTABLE, SELF -> "index";
            case SETTABUP, SETTABLE -> "newindex";
            case EQ -> "eq";
            case LT -> "lt";
            case LE -> "le";
            case LEN -> "len";
            case CONCAT -> "concat";
            case UNM -> "unm";
            case BNOT -> "bnot";
            default -> op >= ADD && op <= SHR ? Arith.EVENTS[op - ADD].substring(2) : null;
        };
    }

    /** The Lua frames of {@code co}, innermost first, for {@link Coroutine#stackFrames()}. */
    static java.util.List<LuaStackFrame> frames(Coroutine co) {
        java.util.List<LuaStackFrame> out = new java.util.ArrayList<>(co.depth);
        for (int d = co.depth - 1; d >= 0; d--) {
            CallFrame f = co.frames[d];
            boolean main = f.p.lineDefined == 0;
            String name = "";
            if (!main && d > 0) {
                String described = describe(co, d);
                // describe gives "function 'f'", "local 'f'", "method 'm'", "field 'f'"...: keep the name
                int q = described.indexOf('\'');
                if (q >= 0 && described.endsWith("'")) name = described.substring(q + 1, described.length() - 1);
            }
            out.add(new LuaStackFrame(f.p.source, f.p.lineAt(f.pc - 1), name, main ? "main" : "Lua"));
        }
        return out;
    }

    private static String describe(Coroutine co, int d) {
        CallFrame f = co.frames[d];
        if (f.p.lineDefined == 0) return "main chunk";
        if (d > 0 && (f.flags & (CallFrame.CONT_STORE | CallFrame.CONT_COND | CallFrame.CONT_DISCARD)) != 0) {
            String event = metamethodEvent(co.frames[d - 1]);
            if (event != null) return "metamethod '" + event + "'";
        }
        if (d > 0 && f.flags == 0) {
            CallFrame caller = co.frames[d - 1];
            int pc = caller.pc - 1;
            if (pc >= 0 && pc < caller.p.code.length) {
                int i = caller.p.code[pc];
                int op = op(i);
                if (op == CALL || op == TAILCALL) {
                    String name = regName(caller.p, pc, a(i));
                    if (name != null) {
                        if (name.startsWith("global ")) return "function " + name.substring(7);
                        return name;
                    }
                }
            }
        }
        return "function <" + f.p.source + ":" + f.p.lineDefined + ">";
    }
}
