package dev.trellis.lua.compiler;

import java.util.List;

/**
 * The syntax tree the parser builds and the compiler walks. Annotations (types, casts) are parsed
 * and dropped, so they never appear here.
 *
 * <pre>{@code
 * Ast.FuncBody chunk = new Parser("local x: number = 1 + 2", "=demo").parseChunk();
 * // chunk.block() = [Local([x], [null], [BinOp('+', Num(1), Num(2))])]
 * }</pre>
 */
public final class Ast {
    private Ast() {}

    // ---------------------------------------------------------------- expressions

    public sealed interface Expr permits Nil, True, False, Vararg, Num, Str, Function, Table, BinOp,
            And, Or, UnOp, Name, Index, Call, MethodCall, Paren {
        int line();
    }

    public record Nil(int line) implements Expr {}
    public record True(int line) implements Expr {}
    public record False(int line) implements Expr {}
    public record Vararg(int line) implements Expr {}
    public record Num(Object value, int line) implements Expr {}
    public record Str(String value, int line) implements Expr {}
    public record Function(FuncBody body, int line) implements Expr {}
    /** Table constructor; a field with key null is positional. */
    public record Table(List<Field> fields, int line) implements Expr {}
    public record Field(Expr key, Expr value) {}
    /** op is the Lexer token kind or char of the operator. */
    public record BinOp(int op, Expr left, Expr right, int line) implements Expr {}
    public record And(Expr left, Expr right, int line) implements Expr {}
    public record Or(Expr left, Expr right, int line) implements Expr {}
    /** op: '-', '#', '~', or Lexer.NOT. */
    public record UnOp(int op, Expr operand, int line) implements Expr {}
    public record Name(String name, int line) implements Expr {}
    public record Index(Expr object, Expr key, int line) implements Expr {}
    public record Call(Expr fn, List<Expr> args, int line) implements Expr {}
    public record MethodCall(Expr object, String method, List<Expr> args, int line) implements Expr {}
    /** Parentheses: truncates a multi-value expression to one value. */
    public record Paren(Expr inner, int line) implements Expr {}

    public record FuncBody(List<String> params, boolean vararg, List<Stat> block, int line, int lastLine,
                           String name) {}

    // ---------------------------------------------------------------- statements

    public sealed interface Stat permits Local, Assign, CallStat, Do, While, Repeat, If, NumFor,
            GenFor, LocalFunction, Return, Break, Goto, Label {
        int line();
    }

    /** attribs: null, "const" or "close" for each name. */
    public record Local(List<String> names, List<String> attribs, List<Expr> exprs, int line) implements Stat {}
    public record Assign(List<Expr> targets, List<Expr> exprs, int line) implements Stat {}
    public record CallStat(Expr call, int line) implements Stat {}
    public record Do(List<Stat> block, int line, int endLine) implements Stat {}
    public record While(Expr cond, List<Stat> block, int line, int endLine) implements Stat {}
    public record Repeat(List<Stat> block, Expr cond, int line) implements Stat {}
    public record If(List<Expr> conds, List<List<Stat>> blocks, List<Stat> orElse, int line) implements Stat {}
    public record NumFor(String var, Expr start, Expr limit, Expr step, List<Stat> block, int line) implements Stat {}
    public record GenFor(List<String> names, List<Expr> exprs, List<Stat> block, int line) implements Stat {}
    public record LocalFunction(String name, FuncBody body, int line) implements Stat {}
    public record Return(List<Expr> exprs, int line) implements Stat {}
    public record Break(int line) implements Stat {}
    public record Goto(String label, int line) implements Stat {}
    public record Label(String name, int line) implements Stat {}
}
