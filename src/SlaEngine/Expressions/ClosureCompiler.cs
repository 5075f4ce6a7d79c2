using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine.Expressions;

/// <summary>
/// Compiles a checked, error-free condition tree into nested closures over the typed nodes. Chosen over
/// System.Linq.Expressions trees because building closures costs microseconds where compiling an expression tree costs
/// tens to hundreds (see docs/rules-language.md, Performance), and they run just as allocation-free.
/// </summary>
/// <remarks>
/// Values are read by slot (<c>e[slot]</c>), enum and team literals are already ordinals, list literals become
/// bitmaps or sets. The null rule of the rules language (docs/rules-language.md): <c>==</c> and <c>!=</c> treat two absent values as equal; every other
/// operator and function on an absent value yields false (or, for value functions such as <c>lower()</c> and
/// <c>size()</c>, absent, which makes the enclosing comparison false).
/// </remarks>
internal sealed class ClosureCompiler
{
    private readonly ExpressionEnvironment _env;

    private ClosureCompiler(ExpressionEnvironment env) => _env = env;

    /// <summary>Reads a value that may be absent; returns whether it is present.</summary>
    internal delegate bool Getter<T>(ChangeEvent e, out T value);

    private const int LinearSearchLimit = 8;

    /// <summary>Compiles a bool-typed expression; <c>open(...)</c> resolves its calendar through <paramref name="env"/>.</summary>
    public static Func<ChangeEvent, bool> Compile(Expr expr, ExpressionEnvironment env) => new ClosureCompiler(env).Bool(expr);

    private Func<ChangeEvent, bool> Bool(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr { Value: bool constant }:
                return constant ? static _ => true : static _ => false;
            case IdentifierExpr { Field: { } field }:
            {
                var slot = field.Slot;
                return e => e[slot].Number != 0 && e[slot].Kind == FieldValueKind.Bool;
            }

            case NotExpr not:
                return Not(not.Operand);
            case BinaryExpr { Operator: BinaryOperator.And or BinaryOperator.Or } logical:
                return Logical(logical);
            case BinaryExpr binary:
                return Comparison(binary);
            case CallExpr call:
                return BoolCall(call);
            default:
                return static _ => false;
        }
    }

    private Func<ChangeEvent, bool> Not(Expr operand)
    {
        if (operand is IdentifierExpr { Field: { } field })
        {
            // !x on an absent optional bool is false, like every operator on null.
            var slot = field.Slot;
            return e => e[slot].Number == 0 && e[slot].Kind == FieldValueKind.Bool;
        }

        var inner = Bool(operand);
        return e => !inner(e);
    }

    private Func<ChangeEvent, bool> Logical(BinaryExpr root)
    {
        // Flatten a || b || c (and &&) into one array: no deep recursion, one loop.
        var op = root.Operator;
        var operands = new List<Expr>();
        var pending = new Stack<Expr>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is BinaryExpr binary && binary.Operator == op)
            {
                pending.Push(binary.Right);
                pending.Push(binary.Left);
            }
            else
            {
                operands.Add(node);
            }
        }

        var compiled = operands.Select(Bool).ToArray();
        if (compiled.Length == 2)
        {
            var (a, b) = (compiled[0], compiled[1]);
            return op == BinaryOperator.And ? e => a(e) && b(e) : e => a(e) || b(e);
        }

        if (compiled.Length == 3)
        {
            var (a, b, c) = (compiled[0], compiled[1], compiled[2]);
            return op == BinaryOperator.And ? e => a(e) && b(e) && c(e) : e => a(e) || b(e) || c(e);
        }

        if (op == BinaryOperator.And)
        {
            return e =>
            {
                foreach (var p in compiled)
                {
                    if (!p(e))
                    {
                        return false;
                    }
                }

                return true;
            };
        }

        return e =>
        {
            foreach (var p in compiled)
            {
                if (p(e))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private Func<ChangeEvent, bool> Comparison(BinaryExpr binary)
    {
        var (left, right) = (binary.Left, binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.Equal:
                return Equal(left, right);
            case BinaryOperator.NotEqual:
            {
                var equal = Equal(left, right);
                return e => !equal(e);
            }

            case BinaryOperator.In:
                return In(left, right, negate: false);
            case BinaryOperator.NotIn:
                return In(left, right, negate: true);
            default:
                return Ordering(binary.Operator, left, right);
        }
    }

    private Func<ChangeEvent, bool> Equal(Expr left, Expr right)
    {
        if (left.Type.Kind == TypeKind.Null && right.Type.Kind == TypeKind.Null)
        {
            return static _ => true;
        }

        if (right.Type.Kind == TypeKind.Null)
        {
            var present = Present(left);
            return e => !present(e);
        }

        if (left.Type.Kind == TypeKind.Null)
        {
            var present = Present(right);
            return e => !present(e);
        }

        switch (left.Type.Kind)
        {
            case TypeKind.Int or TypeKind.Bool or TypeKind.Enum or TypeKind.Team:
            {
                // Fast path: field == constant, the common shape of a rule.
                if (left is IdentifierExpr { Field: { } field } && TryConstantNumber(right, out var constant))
                {
                    var slot = field.Slot;
                    return e => e[slot].Number == constant && e[slot].Kind != FieldValueKind.Absent;
                }

                if (right is IdentifierExpr { Field: { } rightField } && TryConstantNumber(left, out var leftConstant))
                {
                    var slot = rightField.Slot;
                    return e => e[slot].Number == leftConstant && e[slot].Kind != FieldValueKind.Absent;
                }

                var (l, r) = (Number(left), Number(right));
                return e =>
                {
                    var lp = l(e, out var a);
                    var rp = r(e, out var b);
                    return lp == rp && (!lp || a == b);
                };
            }

            case TypeKind.String:
            {
                if (FoldedAgainstConstant(left, right) is { } folded)
                {
                    var (source, upper, constant) = folded;
                    return e => source(e) is { } s && FoldedText.EqualsText(s, upper, constant);
                }

                var (l, r) = (Text(left), Text(right));
                return e => string.Equals(l(e), r(e), StringComparison.Ordinal);
            }

            case TypeKind.Instant:
            {
                var (l, r) = (Time(left), Time(right));
                return e =>
                {
                    var lp = l(e, out var a);
                    var rp = r(e, out var b);
                    return lp == rp && (!lp || a == b);
                };
            }

            default:
                return static _ => false;
        }
    }

    private Func<ChangeEvent, bool> Ordering(BinaryOperator op, Expr left, Expr right)
    {
        if (left.Type.Kind == TypeKind.Instant)
        {
            var (l, r) = (Time(left), Time(right));
            return e => l(e, out var a) & r(e, out var b) && Compare(op, a.CompareTo(b));
        }

        if (left is IdentifierExpr { Field: { } field } && TryConstantNumber(right, out var constant))
        {
            var slot = field.Slot;
            return op switch
            {
                BinaryOperator.Less => e => e[slot].Number < constant && e[slot].Kind != FieldValueKind.Absent,
                BinaryOperator.LessOrEqual => e => e[slot].Number <= constant && e[slot].Kind != FieldValueKind.Absent,
                BinaryOperator.Greater => e => e[slot].Number > constant && e[slot].Kind != FieldValueKind.Absent,
                _ => e => e[slot].Number >= constant && e[slot].Kind != FieldValueKind.Absent,
            };
        }

        var (ln, rn) = (Number(left), Number(right));
        return e => ln(e, out var a) & rn(e, out var b) && Compare(op, a.CompareTo(b));
    }

    private static bool Compare(BinaryOperator op, int comparison) => op switch
    {
        BinaryOperator.Less => comparison < 0,
        BinaryOperator.LessOrEqual => comparison <= 0,
        BinaryOperator.Greater => comparison > 0,
        _ => comparison >= 0,
    };

    private Func<ChangeEvent, bool> In(Expr left, Expr right, bool negate)
    {
        var found = Membership(left, right);
        if (!negate)
        {
            return found;
        }

        // "not in" on an absent value is false, like every operator but == and != on null.
        var (leftPresent, rightPresent) = (Present(left), Present(right));
        return e => leftPresent(e) && rightPresent(e) && !found(e);
    }

    private Func<ChangeEvent, bool> Membership(Expr left, Expr right)
    {
        if (right is ListExpr list)
        {
            var kind = left.Type.Kind;
            if (kind is TypeKind.Int or TypeKind.Bool or TypeKind.Enum or TypeKind.Team
                && list.Items.All(i => TryConstantNumber(i, out _)))
            {
                var constants = list.Items.Select(i => { TryConstantNumber(i, out var c); return c; }).Distinct().ToArray();
                return NumberIn(left, constants);
            }

            if (kind == TypeKind.String && list.Items.All(i => i is LiteralExpr { Value: string }))
            {
                var strings = list.Items.Select(i => (string)((LiteralExpr)i).Value!).Distinct(StringComparer.Ordinal).ToArray();
                if (strings.Length <= LinearSearchLimit && IsFolded(left, out var source, out var upper))
                {
                    var unfolded = Text(source);
                    return e =>
                    {
                        if (unfolded(e) is not { } value)
                        {
                            return false;
                        }

                        foreach (var s in strings)
                        {
                            if (FoldedText.EqualsText(value, upper, s))
                            {
                                return true;
                            }
                        }

                        return false;
                    };
                }

                var text = Text(left);
                if (strings.Length <= LinearSearchLimit)
                {
                    return e =>
                    {
                        var value = text(e);
                        if (value is null)
                        {
                            return false;
                        }

                        foreach (var s in strings)
                        {
                            if (string.Equals(value, s, StringComparison.Ordinal))
                            {
                                return true;
                            }
                        }

                        return false;
                    };
                }

                var set = strings.ToFrozenSet(StringComparer.Ordinal);
                return e => text(e) is { } value && set.Contains(value);
            }

            // Items that are themselves fields: the left value must be present and equal one of them.
            var present = Present(left);
            var equals = list.Items.Select(item => Equal(left, item)).ToArray();
            return e =>
            {
                if (!present(e))
                {
                    return false;
                }

                foreach (var eq in equals)
                {
                    if (eq(e))
                    {
                        return true;
                    }
                }

                return false;
            };
        }

        // A list<string> field or expression.
        var needle = Text(left);
        var haystack = Strings(right);
        return e => needle(e) is { } value && haystack(e, out var items) && items.Contains(value);
    }

    private Func<ChangeEvent, bool> NumberIn(Expr left, long[] constants)
    {
        if (left is IdentifierExpr { Field: { } field } && constants.Length > 0 && constants.All(c => c is >= 0 and < 4096))
        {
            // Enum and team ordinals (and small ints): a bitmap lookup.
            var bitmap = new bool[constants.Max() + 1];
            foreach (var c in constants)
            {
                bitmap[c] = true;
            }

            var slot = field.Slot;
            return e =>
            {
                ref readonly var v = ref e[slot];
                return (ulong)v.Number < (ulong)bitmap.Length && bitmap[v.Number] && v.Kind != FieldValueKind.Absent;
            };
        }

        var number = Number(left);
        if (constants.Length <= LinearSearchLimit)
        {
            return e => number(e, out var value) && Array.IndexOf(constants, value) >= 0;
        }

        var set = constants.ToFrozenSet();
        return e => number(e, out var value) && set.Contains(value);
    }

    private Func<ChangeEvent, bool> BoolCall(CallExpr call)
    {
        switch (call.Function)
        {
            case BuiltinFunction.StringContains or BuiltinFunction.StartsWith or BuiltinFunction.EndsWith:
            {
                var target = Text(call.Target!);
                var argument = call.Arguments[0];
                var function = call.Function;
                if (argument is LiteralExpr { Value: string folded } && IsFolded(call.Target!, out var source, out var upper))
                {
                    // x.lower().contains("outage"): compared position by position, never copied.
                    var text = Text(source);
                    return function switch
                    {
                        BuiltinFunction.StringContains => e => text(e) is { } s && FoldedText.Contains(s, upper, folded),
                        BuiltinFunction.StartsWith => e => text(e) is { } s && FoldedText.StartsWith(s, upper, folded),
                        _ => e => text(e) is { } s && FoldedText.EndsWith(s, upper, folded),
                    };
                }

                if (argument is LiteralExpr { Value: string constant })
                {
                    return function switch
                    {
                        BuiltinFunction.StringContains => e => target(e) is { } s && s.Contains(constant, StringComparison.Ordinal),
                        BuiltinFunction.StartsWith => e => target(e) is { } s && s.StartsWith(constant, StringComparison.Ordinal),
                        _ => e => target(e) is { } s && s.EndsWith(constant, StringComparison.Ordinal),
                    };
                }

                var arg = Text(argument);
                return function switch
                {
                    BuiltinFunction.StringContains => e => target(e) is { } s && arg(e) is { } a && s.Contains(a, StringComparison.Ordinal),
                    BuiltinFunction.StartsWith => e => target(e) is { } s && arg(e) is { } a && s.StartsWith(a, StringComparison.Ordinal),
                    _ => e => target(e) is { } s && arg(e) is { } a && s.EndsWith(a, StringComparison.Ordinal),
                };
            }

            case BuiltinFunction.Matches:
            {
                var target = Text(call.Target!);
                var regex = call.Pattern!;
                return e => target(e) is { } s && regex.IsMatch(s);
            }

            case BuiltinFunction.ListContains:
                return Membership(call.Arguments[0], call.Target!);
            case BuiltinFunction.Has:
                return Present(call.Arguments[0]);
            case BuiltinFunction.Changed:
            {
                var slot = ((IdentifierExpr)call.Arguments[0]).Field!.Slot;
                return e => e.Previous is { } previous && !previous[slot].Equals(e[slot]);
            }

            case BuiltinFunction.Open:
            {
                var isOpen = _env.IsOpen((string)((LiteralExpr)call.Arguments[0]).Value!);
                if (call.Arguments.Length == 1)
                {
                    return e => isOpen(e.SubmittedAt);
                }

                var at = Time(call.Arguments[1]);
                return e => at(e, out var instant) && isOpen(instant);
            }

            default:
                return static _ => false;
        }
    }

    /// <summary>Whether the value of an expression is present (not null).</summary>
    private Func<ChangeEvent, bool> Present(Expr expr)
    {
        switch (expr)
        {
            case IdentifierExpr { Field: { } field }:
            {
                var slot = field.Slot;
                return e => e[slot].Kind != FieldValueKind.Absent;
            }

            case IdentifierExpr { IsId: true }:
                return static e => e.Id is not null;
            case LiteralExpr { Value: null }:
                return static _ => false;
        }

        switch (expr.Type.Kind)
        {
            case TypeKind.String:
            {
                var text = Text(expr);
                return e => text(e) is not null;
            }

            case TypeKind.Int or TypeKind.Bool or TypeKind.Enum or TypeKind.Team:
            {
                if (expr.Type.Kind == TypeKind.Bool && expr is not LiteralExpr)
                {
                    return static _ => true; // comparisons and calls are never null
                }

                var number = Number(expr);
                return e => number(e, out _);
            }

            case TypeKind.Instant:
            {
                var time = Time(expr);
                return e => time(e, out _);
            }

            default:
                return static _ => true;
        }
    }

    /// <summary>The number a literal stands for when compared as a number: an int, a bool (0/1), an enum or team ordinal.</summary>
    internal static bool TryConstantNumber(Expr expr, out long value)
    {
        switch (expr)
        {
            case LiteralExpr { Value: long number }:
                value = number;
                return true;
            case LiteralExpr { Value: bool flag }:
                value = flag ? 1 : 0;
                return true;
            case LiteralExpr { Ordinal: >= 0 } literal:
                value = literal.Ordinal;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Reads an int, bool (0/1), enum ordinal or team ordinal.</summary>
    private Getter<long> Number(Expr expr)
    {
        if (TryConstantNumber(expr, out var constant))
        {
            return (ChangeEvent _, out long value) =>
            {
                value = constant;
                return true;
            };
        }

        switch (expr)
        {
            case IdentifierExpr { Field: { } field }:
            {
                var slot = field.Slot;
                return (ChangeEvent e, out long value) =>
                {
                    ref readonly var v = ref e[slot];
                    value = v.Number;
                    return v.Kind != FieldValueKind.Absent;
                };
            }

            case CallExpr { Function: BuiltinFunction.Size } call:
            {
                var argument = call.Arguments[0];
                if (argument.Type.Kind == TypeKind.String)
                {
                    // Folding keeps the length: size() of x.lower() is size() of x, without the copy.
                    var text = Text(IsFolded(argument, out var source, out _) ? source : argument);
                    return (ChangeEvent e, out long value) =>
                    {
                        var s = text(e);
                        value = s?.Length ?? 0;
                        return s is not null;
                    };
                }

                if (argument is ListExpr list)
                {
                    var count = list.Items.Length;
                    return (ChangeEvent _, out long value) =>
                    {
                        value = count;
                        return true;
                    };
                }

                var strings = Strings(argument);
                return (ChangeEvent e, out long value) =>
                {
                    var present = strings(e, out var items);
                    value = present ? items.Length : 0;
                    return present;
                };
            }

            case BinaryExpr or NotExpr or CallExpr:
            {
                var predicate = Bool(expr);
                return (ChangeEvent e, out long value) =>
                {
                    value = predicate(e) ? 1 : 0;
                    return true;
                };
            }

            default:
                return static (ChangeEvent _, out long value) =>
                {
                    value = 0;
                    return false;
                };
        }
    }

    /// <summary>Whether the expression is <c>x.lower()</c> or <c>x.upper()</c>; then <paramref name="source"/> is <c>x</c>.</summary>
    private static bool IsFolded(Expr expr, out Expr source, out bool upper)
    {
        if (expr is CallExpr { Function: BuiltinFunction.Lower or BuiltinFunction.Upper, Target: { } target } call)
        {
            source = target;
            upper = call.Function == BuiltinFunction.Upper;
            return true;
        }

        source = expr;
        upper = false;
        return false;
    }

    /// <summary>For <c>x.lower() == "text"</c> (either way round): the reader of <c>x</c>, the direction and the text.</summary>
    private static (Func<ChangeEvent, string?> Source, bool Upper, string Constant)? FoldedAgainstConstant(Expr left, Expr right)
    {
        if (IsFolded(left, out var source, out var upper) && right is LiteralExpr { Value: string constant })
        {
            return (Text(source), upper, constant);
        }

        if (IsFolded(right, out source, out upper) && left is LiteralExpr { Value: string other })
        {
            return (Text(source), upper, other);
        }

        return null;
    }

    /// <summary>Reads a string; null when absent.</summary>
    private static Func<ChangeEvent, string?> Text(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr { Value: string constant }:
                return _ => constant;
            case IdentifierExpr { Field: { } field }:
            {
                var slot = field.Slot;
                return e => e[slot].Kind == FieldValueKind.String ? e[slot].Text : null;
            }

            case IdentifierExpr { IsId: true }:
                return static e => e.Id;
            case CallExpr { Function: BuiltinFunction.Lower } call:
            {
                var target = Text(call.Target!);
                return e => target(e)?.ToLowerInvariant();
            }

            case CallExpr { Function: BuiltinFunction.Upper } call:
            {
                var target = Text(call.Target!);
                return e => target(e)?.ToUpperInvariant();
            }

            default:
                return static _ => null;
        }
    }

    /// <summary>Reads an instant.</summary>
    private static Getter<Instant> Time(Expr expr)
    {
        switch (expr)
        {
            case IdentifierExpr { Field: { } field }:
            {
                var slot = field.Slot;
                return (ChangeEvent e, out Instant value) =>
                {
                    ref readonly var v = ref e[slot];
                    value = v.Instant;
                    return v.Kind == FieldValueKind.Instant;
                };
            }

            case IdentifierExpr { IsSubmittedAt: true }:
                return static (ChangeEvent e, out Instant value) =>
                {
                    value = e.SubmittedAt;
                    return true;
                };
            default:
                return static (ChangeEvent _, out Instant value) =>
                {
                    value = default;
                    return false;
                };
        }
    }

    /// <summary>Reads a list of strings.</summary>
    private static Getter<ImmutableArray<string>> Strings(Expr expr)
    {
        switch (expr)
        {
            case IdentifierExpr { Field: { } field }:
            {
                var slot = field.Slot;
                return (ChangeEvent e, out ImmutableArray<string> value) =>
                {
                    ref readonly var v = ref e[slot];
                    value = v.List;
                    return v.Kind == FieldValueKind.StringList;
                };
            }

            case ListExpr list when list.Items.All(i => i is LiteralExpr { Value: string }):
            {
                var constant = list.Items.Select(i => (string)((LiteralExpr)i).Value!).ToImmutableArray();
                return (ChangeEvent _, out ImmutableArray<string> value) =>
                {
                    value = constant;
                    return true;
                };
            }

            default:
                return static (ChangeEvent _, out ImmutableArray<string> value) =>
                {
                    value = [];
                    return false;
                };
        }
    }
}
