package dev.trellis.lua;

/**
 * A compiled Lua function: bytecode, constants, nested prototypes, upvalue layout and debug
 * information. Immutable once built and shared by every state that runs the chunk.
 *
 * <pre>{@code
 * Prototype p = LuaState.compile("return 1 + 2", "=demo");
 * p.source();   // "demo"
 * }</pre>
 */
public final class Prototype {
    final int[] code;
    final int[] lines;
    final Object[] constants;
    final Prototype[] protos;
    final int numParams;
    final boolean isVararg;
    final int maxStack;
    final boolean[] upvalInStack;
    final int[] upvalIndex;
    final String[] upvalNames;
    final String[] localNames;
    final int[] localStart;
    final int[] localEnd;
    final int[] localReg;
    final String source;
    final int lineDefined;
    final int lastLineDefined;

    public Prototype(int[] code, int[] lines, Object[] constants, Prototype[] protos, int numParams,
                     boolean isVararg, int maxStack, boolean[] upvalInStack, int[] upvalIndex,
                     String[] upvalNames, String[] localNames, int[] localStart, int[] localEnd,
                     int[] localReg, String source, int lineDefined, int lastLineDefined) {
        this.code = code;
        this.lines = lines;
        this.constants = constants;
        this.protos = protos;
        this.numParams = numParams;
        this.isVararg = isVararg;
        this.maxStack = maxStack;
        this.upvalInStack = upvalInStack;
        this.upvalIndex = upvalIndex;
        this.upvalNames = upvalNames;
        this.localNames = localNames;
        this.localStart = localStart;
        this.localEnd = localEnd;
        this.localReg = localReg;
        this.source = source;
        this.lineDefined = lineDefined;
        this.lastLineDefined = lastLineDefined;
    }

    /** The chunk name used in messages ("demo" for "=demo", "file.lua" for "@file.lua"). */
    public String source() {
        return source;
    }

    public int lineDefined() {
        return lineDefined;
    }

    public int numUpvalues() {
        return upvalIndex.length;
    }

    /** The source line of the instruction at {@code pc}. */
    public int lineAt(int pc) {
        return pc >= 0 && pc < lines.length ? lines[pc] : lineDefined;
    }

    /** Name of the local variable in register {@code reg} at {@code pc}, or null. */
    String localName(int reg, int pc) {
        String found = null;
        for (int i = 0; i < localNames.length; i++) {
            if (localReg[i] == reg && localStart[i] <= pc && pc < localEnd[i]) found = localNames[i];
        }
        return found;
    }

    /** A listing of the bytecode, for tests and debugging. */
    public String disassemble() {
        StringBuilder sb = new StringBuilder();
        sb.append("function <").append(source).append(':').append(lineDefined).append(">\n");
        for (int pc = 0; pc < code.length; pc++) {
            sb.append(pc).append("\t[").append(lines[pc]).append("]\t").append(OpCode.toString(code[pc])).append('\n');
        }
        for (Prototype p : protos) sb.append(p.disassemble());
        return sb.toString();
    }
}
