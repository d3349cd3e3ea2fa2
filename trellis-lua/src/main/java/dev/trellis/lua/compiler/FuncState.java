package dev.trellis.lua.compiler;

import dev.trellis.lua.LuaError;
import dev.trellis.lua.OpCode;
import dev.trellis.lua.Prototype;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one function being compiled: its code, constants, registers, scopes, upvalues,
 * labels and pending gotos. {@link Compiler} drives it statement by statement.
 */
final class FuncState {
    static final int MAX_REGS = 250;

    /** An active local variable. */
    static final class LocalVar {
        final String name;
        final int reg;
        final Block block;
        final int debugIndex;
        final boolean isConst;

        LocalVar(String name, int reg, Block block, int debugIndex, boolean isConst) {
            this.name = name;
            this.reg = reg;
            this.block = block;
            this.debugIndex = debugIndex;
            this.isConst = isConst;
        }
    }

    record Label(String name, int pc, int nactvar, int line) {}

    static final class PendingGoto {
        final String label;
        final int pc;
        int nactvar;
        final int line;

        PendingGoto(String label, int pc, int nactvar, int line) {
            this.label = label;
            this.pc = pc;
            this.nactvar = nactvar;
            this.line = line;
        }
    }

    /** A lexical block. */
    static final class Block {
        final Block parent;
        final int nactvar;
        final boolean isLoop;
        boolean hasUpval;
        final List<Integer> breaks = new ArrayList<>();
        final List<Label> labels = new ArrayList<>();
        final List<PendingGoto> gotos = new ArrayList<>();

        Block(Block parent, int nactvar, boolean isLoop) {
            this.parent = parent;
            this.nactvar = nactvar;
            this.isLoop = isLoop;
        }
    }

    final FuncState parent;
    final String chunk;
    final Ast.FuncBody body;
    final List<Integer> code = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();
    final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new HashMap<>();
    final List<Prototype> protos = new ArrayList<>();
    final List<String> upvalNames = new ArrayList<>();
    final List<Boolean> upvalInStack = new ArrayList<>();
    final List<Integer> upvalIndex = new ArrayList<>();
    final List<LocalVar> actives = new ArrayList<>();
    final List<String> debugNames = new ArrayList<>();
    final List<Integer> debugStart = new ArrayList<>();
    final List<Integer> debugEnd = new ArrayList<>();
    final List<Integer> debugReg = new ArrayList<>();
    Block block;
    int freereg;
    int maxStack = 2;
    int line;

    FuncState(FuncState parent, String chunk, Ast.FuncBody body) {
        this.parent = parent;
        this.chunk = chunk;
        this.body = body;
        this.line = body.line();
    }

    LuaError error(String msg, int atLine) {
        return new LuaError(chunk + ":" + atLine + ": " + msg);
    }

    // ---------------------------------------------------------------- code emission

    int pc() {
        return code.size();
    }

    int emit(int instruction) {
        code.add(instruction);
        lines.add(line);
        return code.size() - 1;
    }

    int emitABC(int op, int a, int b, int c) {
        return emit(OpCode.abc(op, a, b, c));
    }

    int emitABx(int op, int a, int bx) {
        return emit(OpCode.abx(op, a, bx));
    }

    int emitJump() {
        return emit(OpCode.asbx(OpCode.JMP, 0, 0));
    }

    void patch(int jumpPc, int target) {
        int offset = target - (jumpPc + 1);
        if (Math.abs(offset) > OpCode.MAX_SBX) throw error("control structure too long", line);
        code.set(jumpPc, OpCode.setSbx(code.get(jumpPc), offset));
    }

    void patchHere(List<Integer> jumps) {
        for (int j : jumps) patch(j, pc());
    }

    /** Makes a jump close upvalues and to-be-closed variables from register {@code level} up. */
    void setJumpClose(int jumpPc, int level) {
        int ins = code.get(jumpPc);
        int current = OpCode.a(ins);
        if (current == 0 || level + 1 < current) code.set(jumpPc, OpCode.setA(ins, level + 1));
    }

    // ---------------------------------------------------------------- constants

    int constant(Object v) {
        Object key = v == null ? NilKey.NIL : v;
        Integer idx = constantIndex.get(key);
        if (idx != null) return idx;
        int i = constants.size();
        if (i > OpCode.MAX_BX) throw error("too many constants", line);
        // short string constants are interned: field names then match table keys (and the
        // library's names) by identity in LuaTable's lookups
        constants.add(v instanceof String str && str.length() <= 40 ? str.intern() : v);
        constantIndex.put(key, i);
        return i;
    }

    private enum NilKey { NIL }

    // ---------------------------------------------------------------- registers

    int reserve(int n) {
        int r = freereg;
        freereg += n;
        if (freereg > MAX_REGS) throw error("function or expression needs too many registers", line);
        if (freereg > maxStack) maxStack = freereg;
        return r;
    }

    int nactvar() {
        return actives.size();
    }

    // ---------------------------------------------------------------- locals and scopes

    void enterBlock(boolean isLoop) {
        block = new Block(block, nactvar(), isLoop);
    }

    /** Declares a local in register {@code reg} (already reserved), active from the current pc. */
    LocalVar addLocal(String name, int reg, boolean isConst) {
        if (actives.size() >= 200) throw error("too many local variables", line);
        int idx = debugNames.size();
        debugNames.add(name);
        debugStart.add(pc());
        debugEnd.add(Integer.MAX_VALUE);
        debugReg.add(reg);
        LocalVar v = new LocalVar(name, reg, block, idx, isConst);
        actives.add(v);
        return v;
    }

    void removeLocalsTo(int n) {
        while (actives.size() > n) {
            LocalVar v = actives.remove(actives.size() - 1);
            debugEnd.set(v.debugIndex, pc());
        }
    }

    LocalVar findLocal(String name) {
        for (int i = actives.size() - 1; i >= 0; i--) {
            if (actives.get(i).name.equals(name)) return actives.get(i);
        }
        return null;
    }

    int findUpvalue(String name) {
        for (int i = 0; i < upvalNames.size(); i++) {
            if (upvalNames.get(i).equals(name)) return i;
        }
        return -1;
    }

    int addUpvalue(String name, boolean inStack, int index) {
        if (upvalNames.size() >= 255) throw error("too many upvalues", line);
        upvalNames.add(name);
        upvalInStack.add(inStack);
        upvalIndex.add(index);
        return upvalNames.size() - 1;
    }

    Prototype build(int numParams) {
        int[] c = code.stream().mapToInt(Integer::intValue).toArray();
        int[] l = lines.stream().mapToInt(Integer::intValue).toArray();
        boolean[] inStack = new boolean[upvalInStack.size()];
        for (int i = 0; i < inStack.length; i++) inStack[i] = upvalInStack.get(i);
        int[] ends = new int[debugEnd.size()];
        for (int i = 0; i < ends.length; i++) ends[i] = Math.min(debugEnd.get(i), c.length);
        return new Prototype(c, l, constants.toArray(), protos.toArray(new Prototype[0]), numParams,
                body.vararg(), maxStack + 1, inStack, upvalIndex.stream().mapToInt(Integer::intValue).toArray(),
                upvalNames.toArray(new String[0]), debugNames.toArray(new String[0]),
                debugStart.stream().mapToInt(Integer::intValue).toArray(), ends,
                debugReg.stream().mapToInt(Integer::intValue).toArray(), chunk, body.line(), body.lastLine());
    }
}
