package dev.trellis.lua.compiler;

import static dev.trellis.lua.OpCode.*;

import dev.trellis.lua.LuaError;
import dev.trellis.lua.OpCode;
import dev.trellis.lua.Prototype;
import dev.trellis.lua.compiler.Ast.*;
import dev.trellis.lua.compiler.FuncState.Block;
import dev.trellis.lua.compiler.FuncState.Label;
import dev.trellis.lua.compiler.FuncState.LocalVar;
import dev.trellis.lua.compiler.FuncState.PendingGoto;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles Lua source to a {@link Prototype} tree for the register VM: parse to a syntax tree, then
 * generate code function by function, allocating registers as PUC Lua does (locals first, then
 * temporaries on a stack).
 *
 * <pre>{@code
 * Prototype main = Compiler.compile("local x = 1 return x + 1", "=demo");
 * }</pre>
 */
public final class Compiler {
    private final String chunk;
    private final ExpressionCompiler ex = new ExpressionCompiler(this);

    private Compiler(String chunk) {
        this.chunk = chunk;
    }

    /**
     * Compiles a chunk. {@code chunkName} follows Lua: "=name" is shown as "name", "@file.lua" as
     * "file.lua", anything else as {@code [string "..."]}.
     */
    public static Prototype compile(String source, String chunkName) {
        String display = displayName(chunkName, source);
        try {
            FuncBody main = new Parser(source, display).parseChunk();
            Compiler c = new Compiler(display);
            FuncState fs = new FuncState(null, display, main);
            fs.addUpvalue("_ENV", true, 0);
            return c.functionBody(fs, main);
        } catch (StackOverflowError e) {
            throw new LuaError(display + ": chunk has too many syntax levels");
        }
    }

    /** The chunk name as messages show it. */
    public static String displayName(String chunkName, String source) {
        if (chunkName == null) chunkName = source;
        if (chunkName.startsWith("=") || chunkName.startsWith("@")) return chunkName.substring(1);
        String first = chunkName;
        int nl = first.indexOf('\n');
        boolean cut = false;
        if (nl >= 0) {
            first = first.substring(0, nl);
            cut = true;
        }
        if (first.length() > 45) {
            first = first.substring(0, 45);
            cut = true;
        }
        return "[string \"" + first + (cut ? "...\"]" : "\"]");
    }

    private Prototype functionBody(FuncState fs, FuncBody body) {
        fs.enterBlock(false);
        for (String param : body.params()) {
            int reg = fs.reserve(1);
            fs.addLocal(param, reg, false);
        }
        block(fs, body.block());
        fs.line = body.lastLine();
        leaveBlock(fs);
        fs.emitABC(RETURN, 0, 1, 0);
        return fs.build(body.params().size());
    }

    // ---------------------------------------------------------------- blocks and scopes

    private void block(FuncState fs, List<Stat> stats) {
        for (int i = 0; i < stats.size(); i++) {
            Stat s = stats.get(i);
            if (s instanceof Ast.Label l) {
                boolean last = true;
                for (int j = i + 1; j < stats.size(); j++) {
                    if (!(stats.get(j) instanceof Ast.Label)) {
                        last = false;
                        break;
                    }
                }
                label(fs, l, last);
            } else {
                statement(fs, s);
            }
            fs.freereg = fs.nactvar();
        }
    }

    private void leaveBlock(FuncState fs) {
        Block b = fs.block;
        if (b.hasUpval && fs.nactvar() > b.nactvar) {
            fs.emitABC(CLOSE, b.nactvar, 0, 0);
        }
        for (PendingGoto g : b.gotos) {
            if (b.parent == null) {
                throw fs.error("no visible label '" + g.label + "' for <goto> at line " + g.line, g.line);
            }
            if (g.nactvar > b.nactvar) {
                fs.setJumpClose(g.pc, b.nactvar);
                g.nactvar = b.nactvar;
            }
            b.parent.gotos.add(g);
        }
        fs.removeLocalsTo(b.nactvar);
        fs.freereg = fs.nactvar();
        fs.block = b.parent;
    }

    private void label(FuncState fs, Ast.Label l, boolean lastInBlock) {
        fs.line = l.line();
        for (Block b = fs.block; b != null; b = b.parent) {
            for (Label existing : b.labels) {
                if (existing.name().equals(l.name())) {
                    throw fs.error("label '" + l.name() + "' already defined on line " + existing.line(), l.line());
                }
            }
        }
        int nact = lastInBlock ? fs.block.nactvar : fs.nactvar();
        Label lab = new Label(l.name(), fs.pc(), nact, l.line());
        fs.block.labels.add(lab);
        List<PendingGoto> gotos = fs.block.gotos;
        for (int i = 0; i < gotos.size(); i++) {
            PendingGoto g = gotos.get(i);
            if (g.label.equals(l.name())) {
                if (g.nactvar < nact) {
                    String local = fs.actives.get(g.nactvar).name;
                    throw fs.error("<goto " + g.label + "> at line " + g.line + " jumps into the scope of local '" + local + "'", g.line);
                }
                fs.patch(g.pc, lab.pc());
                gotos.remove(i--);
            }
        }
    }

    // ---------------------------------------------------------------- statements

    private void statement(FuncState fs, Stat s) {
        fs.line = s.line();
        switch (s) {
            case Local l -> localStat(fs, l);
            case Assign a -> assign(fs, a);
            case CallStat c -> {
                ex.compileCall(fs, c.call(), 0);
            }
            case Do d -> {
                fs.enterBlock(false);
                block(fs, d.block());
                fs.line = d.endLine();
                leaveBlock(fs);
            }
            case While w -> whileStat(fs, w);
            case Repeat r -> repeatStat(fs, r);
            case If i -> ifStat(fs, i);
            case NumFor f -> numFor(fs, f);
            case GenFor f -> genFor(fs, f);
            case LocalFunction f -> {
                int reg = fs.reserve(1);
                fs.addLocal(f.name(), reg, false);
                int idx = function(fs, f.body());
                fs.line = f.line();
                fs.emitABx(CLOSURE, reg, idx);
            }
            case Return r -> returnStat(fs, r);
            case Break b -> breakStat(fs, b);
            case Goto g -> gotoStat(fs, g);
            case Ast.Label l -> label(fs, l, false);
        }
    }

    private void localStat(FuncState fs, Local l) {
        int n = l.names().size();
        int base = fs.freereg;
        adjustValues(fs, n, l.exprs());
        fs.freereg = base + n;
        if (fs.freereg > fs.maxStack) fs.maxStack = fs.freereg;
        boolean hasClose = false;
        for (int i = 0; i < n; i++) {
            String attrib = l.attribs().get(i);
            fs.addLocal(l.names().get(i), base + i, attrib != null);
            if ("close".equals(attrib)) {
                if (hasClose) throw fs.error("multiple to-be-closed variables in local list", l.line());
                hasClose = true;
                fs.block.hasUpval = true;
                fs.emitABC(TBC, base + i, 0, 0);
            }
        }
    }

    /** Evaluates {@code exprs} into {@code n} consecutive fresh registers (extra values dropped). */
    private void adjustValues(FuncState fs, int n, List<Expr> exprs) {
        int base = fs.freereg;
        int count = exprs.size();
        for (int i = 0; i < count; i++) {
            Expr e = exprs.get(i);
            boolean last = i == count - 1;
            if (last && ExpressionCompiler.isMulti(e)) {
                int want = n - i;
                if (want < 0) want = 0;
                ex.expToMulti(fs, e, want);
                fs.freereg = base + Math.max(n, i + want);
                return;
            }
            if (i < n) {
                ex.expToNextReg(fs, e);
            } else {
                int save = fs.freereg;
                if (ExpressionCompiler.isMulti(e)) ex.expToMulti(fs, e, 0);
                else ex.expToNextReg(fs, e);
                fs.freereg = save;
            }
        }
        if (count < n) {
            int r = fs.reserve(n - count);
            fs.emitABC(LOADNIL, r, n - count - 1, 0);
        }
        fs.freereg = base + n;
    }

    private void checkConst(FuncState fs, LocalVar v, int line) {
        if (v.isConst) throw fs.error("attempt to assign to const variable '" + v.name + "'", line);
    }

    private void assign(FuncState fs, Assign a) {
        if (a.targets().size() == 1 && a.exprs().size() == 1) {
            Expr target = a.targets().get(0);
            Expr value = a.exprs().get(0);
            if (target instanceof Name n) {
                LocalVar lv = fs.findLocal(n.name());
                if (lv != null) {
                    checkConst(fs, lv, a.line());
                    ex.expToReg(fs, value, lv.reg);
                    return;
                }
                int up = ex.resolveUpvalue(fs, n.name());
                if (up >= 0) {
                    checkUpvalConst(fs, n.name(), a.line());
                    int r = ex.anyReg(fs, value);
                    fs.line = a.line();
                    fs.emitABC(SETUPVAL, r, up, 0);
                    return;
                }
                storeGlobal(fs, n.name(), () -> ex.rk(fs, value), a.line());
                return;
            }
            Index ix = (Index) target;
            int o = ex.anyReg(fs, ix.object());
            int k = ex.rk(fs, ix.key());
            int v = ex.rk(fs, value);
            fs.line = a.line();
            fs.emitABC(SETTABLE, o, k, v);
            return;
        }
        // multiple assignment: evaluate target prefixes and keys, then values, then store
        int nt = a.targets().size();
        int[] objRegs = new int[nt];
        int[] keyRks = new int[nt];
        for (int i = 0; i < nt; i++) {
            Expr t = a.targets().get(i);
            if (t instanceof Index ix) {
                int r = fs.reserve(1);
                ex.expToReg(fs, ix.object(), r);
                objRegs[i] = r;
                if (ExpressionCompiler.isConstantExpr(ix.key()) && ex.constRk(fs, ix.key()) >= 0) {
                    keyRks[i] = ex.constRk(fs, ix.key());
                } else {
                    int kr = fs.reserve(1);
                    ex.expToReg(fs, ix.key(), kr);
                    keyRks[i] = kr;
                }
            } else if (t instanceof Name n) {
                LocalVar lv = fs.findLocal(n.name());
                if (lv != null) checkConst(fs, lv, a.line());
            }
        }
        int vbase = fs.freereg;
        adjustValues(fs, nt, a.exprs());
        fs.line = a.line();
        for (int i = nt - 1; i >= 0; i--) {
            Expr t = a.targets().get(i);
            int vreg = vbase + i;
            if (t instanceof Index) {
                fs.emitABC(SETTABLE, objRegs[i], keyRks[i], vreg);
            } else {
                Name n = (Name) t;
                LocalVar lv = fs.findLocal(n.name());
                if (lv != null) {
                    if (lv.reg != vreg) fs.emitABC(MOVE, lv.reg, vreg, 0);
                    continue;
                }
                int up = ex.resolveUpvalue(fs, n.name());
                if (up >= 0) {
                    fs.emitABC(SETUPVAL, vreg, up, 0);
                    continue;
                }
                storeGlobal(fs, n.name(), () -> vreg, a.line());
            }
        }
    }

    private void checkUpvalConst(FuncState fs, String name, int line) {
        for (FuncState f = fs.parent; f != null; f = f.parent) {
            LocalVar lv = f.findLocal(name);
            if (lv != null) {
                checkConst(fs, lv, line);
                return;
            }
        }
    }

    private interface RkSupplier {
        int get();
    }

    private void storeGlobal(FuncState fs, String name, RkSupplier value, int line) {
        LocalVar env = fs.findLocal("_ENV");
        int k = ex.constRk(fs, new Str(name, line));
        if (env != null) {
            if (k < 0) k = ex.expToNextReg(fs, new Str(name, line));
            int v = value.get();
            fs.line = line;
            fs.emitABC(SETTABLE, env.reg, k, v);
            return;
        }
        int up = ex.resolveUpvalue(fs, "_ENV");
        if (k < 0) k = ex.expToNextReg(fs, new Str(name, line));
        int v = value.get();
        fs.line = line;
        fs.emitABC(SETTABUP, up, k, v);
    }

    private void whileStat(FuncState fs, While w) {
        int start = fs.pc();
        List<Integer> exit = ex.condJump(fs, w.cond(), false);
        fs.enterBlock(true);
        Block loop = fs.block;
        block(fs, w.block());
        fs.line = w.endLine();
        leaveBlock(fs);
        int back = fs.emitJump();
        fs.patch(back, start);
        fs.patchHere(exit);
        fs.patchHere(loop.breaks);
    }

    private void repeatStat(FuncState fs, Repeat r) {
        int start = fs.pc();
        fs.enterBlock(true);
        Block loop = fs.block;
        fs.enterBlock(false);
        Block scope = fs.block;
        block(fs, r.block());
        fs.line = r.line();
        List<Integer> again = ex.condJump(fs, r.cond(), false);
        if (!scope.hasUpval) {
            for (int j : again) fs.patch(j, start);
        } else {
            int exit = fs.emitJump();
            fs.patchHere(again);
            fs.emitABC(CLOSE, scope.nactvar, 0, 0);
            int back = fs.emitJump();
            fs.patch(back, start);
            fs.patch(exit, fs.pc());
        }
        leaveBlock(fs);
        leaveBlock(fs);
        fs.patchHere(loop.breaks);
    }

    private void ifStat(FuncState fs, If s) {
        List<Integer> toEnd = new ArrayList<>();
        int n = s.conds().size();
        for (int i = 0; i < n; i++) {
            List<Integer> next = ex.condJump(fs, s.conds().get(i), false);
            fs.enterBlock(false);
            block(fs, s.blocks().get(i));
            leaveBlock(fs);
            if (i < n - 1 || s.orElse() != null) toEnd.add(fs.emitJump());
            fs.patchHere(next);
        }
        if (s.orElse() != null) {
            fs.enterBlock(false);
            block(fs, s.orElse());
            leaveBlock(fs);
        }
        fs.patchHere(toEnd);
    }

    private void numFor(FuncState fs, NumFor f) {
        int base = fs.freereg;
        ex.expToNextReg(fs, f.start());
        ex.expToNextReg(fs, f.limit());
        if (f.step() != null) {
            ex.expToNextReg(fs, f.step());
        } else {
            int r = fs.reserve(1);
            fs.emitABx(LOADK, r, fs.constant(1L));
        }
        fs.enterBlock(false);
        for (int i = 0; i < 3; i++) fs.addLocal("(for state)", base + i, false);
        fs.line = f.line();
        int prep = fs.emit(OpCode.asbx(FORPREP, base, 0));
        fs.enterBlock(true);
        Block loop = fs.block;
        fs.reserve(1);
        fs.addLocal(f.var(), base + 3, false);
        block(fs, f.block());
        leaveBlock(fs);
        fs.line = f.line();
        int loopPc = fs.emit(OpCode.asbx(FORLOOP, base, 0));
        fs.patch(loopPc, prep + 1);
        fs.patch(prep, fs.pc());
        fs.patchHere(loop.breaks);
        leaveBlock(fs);
    }

    private void genFor(FuncState fs, GenFor f) {
        int base = fs.freereg;
        adjustValues(fs, 4, f.exprs());
        fs.enterBlock(false);
        Block outer = fs.block;
        for (int i = 0; i < 4; i++) fs.addLocal("(for state)", base + i, false);
        outer.hasUpval = true;
        fs.line = f.line();
        fs.emitABC(TBC, base + 3, 0, 0);
        int toCall = fs.emitJump();
        fs.enterBlock(true);
        Block loop = fs.block;
        int nvars = f.names().size();
        fs.reserve(nvars);
        if (fs.maxStack < base + 4 + Math.max(nvars, 3)) fs.maxStack = base + 4 + Math.max(nvars, 3);
        for (int i = 0; i < nvars; i++) fs.addLocal(f.names().get(i), base + 4 + i, false);
        int bodyStart = fs.pc();
        block(fs, f.block());
        leaveBlock(fs);
        fs.patch(toCall, fs.pc());
        fs.line = f.line();
        fs.emitABC(TFORCALL, base, 0, nvars);
        int loopPc = fs.emit(OpCode.asbx(TFORLOOP, base, 0));
        fs.patch(loopPc, bodyStart);
        fs.patchHere(loop.breaks);
        leaveBlock(fs);
    }

    private void returnStat(FuncState fs, Return r) {
        List<Expr> exprs = r.exprs();
        if (exprs.isEmpty()) {
            fs.emitABC(RETURN, 0, 1, 0);
            return;
        }
        if (exprs.size() == 1) {
            Expr e = exprs.get(0);
            if (e instanceof Call || e instanceof MethodCall) {
                int base = ex.compileCall(fs, e, -1);
                int last = fs.pc() - 1;
                int ins = fs.code.get(last);
                fs.code.set(last, (ins & ~0x3F) | TAILCALL);
                fs.emitABC(RETURN, base, 0, 0);
                return;
            }
            if (e instanceof Vararg) {
                int base = fs.freereg;
                ex.expToMulti(fs, e, -1);
                fs.emitABC(RETURN, base, 0, 0);
                return;
            }
            int reg = ex.anyReg(fs, e);
            fs.line = r.line();
            fs.emitABC(RETURN, reg, 2, 0);
            return;
        }
        int base = fs.freereg;
        boolean multi = false;
        for (int i = 0; i < exprs.size(); i++) {
            Expr e = exprs.get(i);
            if (i == exprs.size() - 1 && ExpressionCompiler.isMulti(e)) {
                ex.expToMulti(fs, e, -1);
                multi = true;
            } else {
                ex.expToNextReg(fs, e);
            }
        }
        fs.line = r.line();
        fs.emitABC(RETURN, base, multi ? 0 : exprs.size() + 1, 0);
    }

    private void breakStat(FuncState fs, Break b) {
        Block loop = fs.block;
        while (loop != null && !loop.isLoop) loop = loop.parent;
        if (loop == null) throw fs.error("break outside a loop at line " + b.line(), b.line());
        int j = fs.emitJump();
        if (fs.nactvar() > loop.nactvar) fs.setJumpClose(j, loop.nactvar);
        loop.breaks.add(j);
    }

    private void gotoStat(FuncState fs, Goto g) {
        for (Block b = fs.block; b != null; b = b.parent) {
            for (Label l : b.labels) {
                if (l.name().equals(g.label())) {
                    int j = fs.emitJump();
                    fs.patch(j, l.pc());
                    if (fs.nactvar() > l.nactvar()) fs.setJumpClose(j, l.nactvar());
                    return;
                }
            }
        }
        int j = fs.emitJump();
        fs.block.gotos.add(new PendingGoto(g.label(), j, fs.nactvar(), g.line()));
    }

    // ---------------------------------------------------------------- functions and calls

    int function(FuncState fs, FuncBody body) {
        FuncState child = new FuncState(fs, chunk, body);
        Prototype p = functionBody(child, body);
        fs.protos.add(p);
        return fs.protos.size() - 1;
    }

}
