using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using SlaEngine.Events;

namespace SlaEngine.Expressions.Logic;

/// <summary>
/// A condition as a boolean formula for exact reasoning (the linter, the diff): comparisons of one field with
/// constants become <see cref="TestFormula"/> facts with the null rule of SPEC 6 built in, everything else (string
/// functions, <c>open(...)</c>, comparisons of two fields, instants) an <see cref="OpaqueFormula"/>: an unknown that is
/// the same for every occurrence of the same sub-expression and otherwise free. Treating an unknown as free
/// over-approximates what events can do, so "no event can make this true" proven on formulas holds for real events.
/// Atoms are keyed by field names and by enum value and team names, never by a schema's objects or ordinals, so the
/// formulas of two versions of a policy (whose ordinals differ when a value is inserted) speak of the same events.
/// </summary>
internal abstract class Formula
{
    public static readonly Formula True = new ConstFormula(true);

    public static readonly Formula False = new ConstFormula(false);

    /// <summary>
    /// Scratch for <see cref="ConditionSolver"/>: the node it bound this formula to, so that a formula used in many
    /// queries (a rule's condition) is bound once. The node names its solver, which checks it before use; constants,
    /// shared by every load, are never marked.
    /// </summary>
    internal object? SolverNode { get; set; }

    /// <summary>The conjunction, flattened and simplified (an empty one is true).</summary>
    public static Formula And(IEnumerable<Formula> items) => Combine(items, and: true);

    /// <summary>The disjunction, flattened and simplified (an empty one is false).</summary>
    public static Formula Or(IEnumerable<Formula> items) => Combine(items, and: false);

    /// <summary>The negation.</summary>
    public static Formula Not(Formula f) => f switch
    {
        ConstFormula c => c.Value ? False : True,
        NotFormula n => n.Operand,
        _ => new NotFormula(f),
    };

    private static Formula Combine(IEnumerable<Formula> items, bool and)
    {
        var list = new List<Formula>();
        foreach (var item in items)
        {
            switch (item)
            {
                case ConstFormula c when c.Value == and:
                    continue; // true in a conjunction, false in a disjunction
                case ConstFormula:
                    return and ? False : True;
                case AndFormula a when and:
                    list.AddRange(a.Items);
                    break;
                case OrFormula o when !and:
                    list.AddRange(o.Items);
                    break;
                default:
                    list.Add(item);
                    break;
            }
        }

        return list.Count switch
        {
            0 => and ? True : False,
            1 => list[0],
            _ => and ? new AndFormula([.. list]) : new OrFormula([.. list]),
        };
    }
}

/// <summary>A constant.</summary>
internal sealed class ConstFormula(bool value) : Formula
{
    public bool Value { get; } = value;
}

/// <summary>A fact about one field's value (null rule included), the field named as the schema declares it.</summary>
internal sealed class TestFormula(string field, FieldTest test) : Formula
{
    public string Field { get; } = field;

    public FieldTest Test { get; } = test;
}

/// <summary>
/// An unknown boolean, identified by the canonical text of the sub-expression it stands for; or, for a tree too deep
/// to print, a fresh unknown that equals no other (<see cref="Key"/> null): identified by the formula itself.
/// </summary>
internal sealed class OpaqueFormula(string? key) : Formula
{
    /// <summary>The canonical text; null for a fresh unknown.</summary>
    public string? Key { get; } = key;

    /// <summary>What identifies the unknown: its canonical text, or this formula when it is fresh (compare with the default equality).</summary>
    public object Identity => (object?)Key ?? this;
}

/// <summary>A negation.</summary>
internal sealed class NotFormula(Formula operand) : Formula
{
    public Formula Operand { get; } = operand;
}

/// <summary>A conjunction of two or more formulas.</summary>
internal sealed class AndFormula(ImmutableArray<Formula> items) : Formula
{
    public ImmutableArray<Formula> Items { get; } = items;
}

/// <summary>A disjunction of two or more formulas.</summary>
internal sealed class OrFormula(ImmutableArray<Formula> items) : Formula
{
    public ImmutableArray<Formula> Items { get; } = items;
}

/// <summary>What a <see cref="FieldTest"/> checks.</summary>
internal enum FieldTestKind
{
    Present,
    Absent,
    Equal,
    In,
    NotIn,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>A value a field can take in the analysis: absent, a number (int, bool 0/1) or a text (string, enum value name, team id).</summary>
internal readonly record struct AbstractValue(bool Present, long Number, string? Text)
{
    public static AbstractValue Absent => default;

    /// <summary>A present value of a field of the given type, as events carry it: enum values and teams by name, instants and lists as "some value".</summary>
    public static AbstractValue Of(FieldValue value) => value.Kind switch
    {
        FieldValueKind.Absent => Absent,
        FieldValueKind.String or FieldValueKind.Enum or FieldValueKind.Team => new AbstractValue(true, 0, value.Text),
        FieldValueKind.Instant or FieldValueKind.StringList => new AbstractValue(true, 0, null),
        _ => new AbstractValue(true, value.Number, null),
    };
}

/// <summary>
/// A test of one field against constants (numbers for int and bool fields, texts for string fields, enum value names
/// and team ids; an ordering of an enum field is the set of value names it admits), with the evaluator's semantics: <see cref="FieldTestKind.Absent"/> and
/// <see cref="FieldTestKind.Present"/> are <c>== null</c> and <c>has()</c>; every other kind is false on an absent value
/// (<c>!=</c> is the negation of <see cref="FieldTestKind.Equal"/>, so it is true on an absent value).
/// </summary>
internal sealed record FieldTest(FieldTestKind Kind, bool IsText, ImmutableArray<long> Numbers, ImmutableArray<string> Texts)
{
    public static FieldTest Presence(bool present) => new(present ? FieldTestKind.Present : FieldTestKind.Absent, false, [], []);

    public static FieldTest OfNumbers(FieldTestKind kind, params long[] numbers) => new(kind, false, [.. numbers], []);

    public static FieldTest OfTexts(FieldTestKind kind, params string[] texts) => new(kind, true, [], [.. texts]);

    /// <summary>Whether the test holds for the value.</summary>
    public bool Holds(AbstractValue v)
    {
        switch (Kind)
        {
            case FieldTestKind.Present:
                return v.Present;
            case FieldTestKind.Absent:
                return !v.Present;
        }

        if (!v.Present)
        {
            return false;
        }

        return Kind switch
        {
            FieldTestKind.Equal or FieldTestKind.In => Contains(v),
            FieldTestKind.NotIn => !Contains(v),
            FieldTestKind.Less => v.Number < Numbers[0],
            FieldTestKind.LessOrEqual => v.Number <= Numbers[0],
            FieldTestKind.Greater => v.Number > Numbers[0],
            _ => v.Number >= Numbers[0],
        };
    }

    private bool Contains(AbstractValue v) => IsText ? Texts.Contains(v.Text!, StringComparer.Ordinal) : Numbers.Contains(v.Number);
}

/// <summary>Turns typed condition trees into <see cref="Formula"/>s, mirroring <see cref="ClosureCompiler"/> exactly where it is precise.</summary>
internal static class ConditionLogic
{
    private const int MaxDepth = 200;

    /// <summary>The formula of a checked condition.</summary>
    public static Formula Lower(Expr expr) => Lowering.Bool(expr, 0);

    /// <summary>Every field the expression reads.</summary>
    public static IEnumerable<FieldDefinition> FieldsRead(Expr expr) =>
        Nodes(expr).OfType<IdentifierExpr>().Select(i => i.Field).OfType<FieldDefinition>();

    /// <summary>Every node of the tree, without recursion.</summary>
    public static IEnumerable<Expr> Nodes(Expr root)
    {
        var pending = new Stack<Expr>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            switch (node)
            {
                case NotExpr not:
                    pending.Push(not.Operand);
                    break;
                case BinaryExpr binary:
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    break;
                case CallExpr call:
                    foreach (var argument in call.Arguments)
                    {
                        pending.Push(argument);
                    }

                    if (call.Target is { } target)
                    {
                        pending.Push(target);
                    }

                    break;
                case ListExpr list:
                    foreach (var item in list.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    private static class Lowering
    {

        public static Formula Bool(Expr expr, int depth)
        {
            if (depth > MaxDepth)
            {
                return Fresh();
            }

            switch (expr)
            {
                case LiteralExpr { Value: bool constant }:
                    return constant ? Formula.True : Formula.False;
                case IdentifierExpr { Field: { Type: FieldType.Bool } field }:
                    return Test(field, FieldTest.OfNumbers(FieldTestKind.Equal, 1));
                case NotExpr { Operand: IdentifierExpr { Field: { Type: FieldType.Bool } field } }:
                    // !x on an absent optional bool is false (ClosureCompiler.Not): x is present and false.
                    return Test(field, FieldTest.OfNumbers(FieldTestKind.Equal, 0));
                case NotExpr not:
                    return Formula.Not(Bool(not.Operand, depth + 1));
                case BinaryExpr { Operator: BinaryOperator.And or BinaryOperator.Or } logical:
                {
                    var operands = new List<Formula>();
                    var pending = new Stack<Expr>();
                    pending.Push(logical);
                    while (pending.Count > 0)
                    {
                        var node = pending.Pop();
                        if (node is BinaryExpr b && b.Operator == logical.Operator)
                        {
                            pending.Push(b.Right);
                            pending.Push(b.Left);
                        }
                        else
                        {
                            operands.Add(Bool(node, depth + 1));
                        }
                    }

                    return logical.Operator == BinaryOperator.And ? Formula.And(operands) : Formula.Or(operands);
                }

                case BinaryExpr comparison:
                    return Comparison(comparison) ?? Opaque(expr);
                case CallExpr { Function: BuiltinFunction.Has, Arguments: [IdentifierExpr { Field: { } field }] }:
                    return Test(field, FieldTest.Presence(true));
                default:
                    return Opaque(expr);
            }
        }

        private static Formula? Comparison(BinaryExpr binary)
        {
            var (left, right, op) = (binary.Left, binary.Right, binary.Operator);
            switch (op)
            {
                case BinaryOperator.Equal or BinaryOperator.NotEqual:
                {
                    var equal = Equal(left, right);
                    return equal is null ? null : op == BinaryOperator.Equal ? equal : Formula.Not(equal);
                }

                case BinaryOperator.In or BinaryOperator.NotIn:
                {
                    if (left is not IdentifierExpr { Field: { } field } || right is not ListExpr list)
                    {
                        return null;
                    }

                    var kind = op == BinaryOperator.In ? FieldTestKind.In : FieldTestKind.NotIn;
                    if (IsNumeric(field) && list.Items.All(i => ClosureCompiler.TryConstantNumber(i, out _)))
                    {
                        return Test(field, FieldTest.OfNumbers(kind, [.. list.Items.Select(i => ClosureCompiler.TryConstantNumber(i, out var c) ? c : 0)]));
                    }

                    if (IsNamed(field) && list.Items.All(IsName))
                    {
                        return Test(field, FieldTest.OfTexts(kind, [.. list.Items.Select(i => (string)((LiteralExpr)i).Value!)]));
                    }

                    if (field.Type == FieldType.String && list.Items.All(i => i is LiteralExpr { Value: string }))
                    {
                        return Test(field, FieldTest.OfTexts(kind, [.. list.Items.Select(i => (string)((LiteralExpr)i).Value!)]));
                    }

                    return null;
                }

                default:
                {
                    // Orderings on int and enum fields against a constant, either way round.
                    if (left is IdentifierExpr { Field: { Type: FieldType.Int or FieldType.Enum } lf } && ClosureCompiler.TryConstantNumber(right, out var c))
                    {
                        return Ordered(lf, Ordering(op), c);
                    }

                    if (right is IdentifierExpr { Field: { Type: FieldType.Int or FieldType.Enum } rf } && ClosureCompiler.TryConstantNumber(left, out var d))
                    {
                        return Ordered(rf, Ordering(Flip(op)), d);
                    }

                    return null;
                }
            }
        }

        private static Formula? Equal(Expr left, Expr right)
        {
            if (left is LiteralExpr { Value: null } && right is LiteralExpr { Value: null })
            {
                return Formula.True;
            }

            if (right is LiteralExpr { Value: null } && left is IdentifierExpr { Field: { } nf })
            {
                return Test(nf, FieldTest.Presence(false));
            }

            if (left is LiteralExpr { Value: null } && right is IdentifierExpr { Field: { } nf2 })
            {
                return Test(nf2, FieldTest.Presence(false));
            }

            if (left is LiteralExpr && right is IdentifierExpr)
            {
                (left, right) = (right, left);
            }

            if (left is not IdentifierExpr { Field: { } field } || right is not LiteralExpr literal)
            {
                return null;
            }

            if (IsNumeric(field) && ClosureCompiler.TryConstantNumber(literal, out var constant))
            {
                return Test(field, FieldTest.OfNumbers(FieldTestKind.Equal, constant));
            }

            if (IsNamed(field) && IsName(literal))
            {
                return Test(field, FieldTest.OfTexts(FieldTestKind.Equal, (string)literal.Value!));
            }

            if (field.Type == FieldType.String && literal.Value is string text)
            {
                return Test(field, FieldTest.OfTexts(FieldTestKind.Equal, text));
            }

            return null;
        }

        private static bool IsNumeric(FieldDefinition field) => field.Type is FieldType.Int or FieldType.Bool;

        private static bool IsNamed(FieldDefinition field) => field.Type is FieldType.Enum or FieldType.Team;

        /// <summary>An enum value or team id named by a checked literal (the checker resolved it: its ordinal is set).</summary>
        private static bool IsName(Expr expr) => expr is LiteralExpr { Value: string, Ordinal: >= 0 };

        /// <summary>The enum value names whose declaration order stands in the ordering to the literal's.</summary>
        private static FieldTest EnumOrdering(FieldDefinition field, FieldTestKind kind, long ordinal)
        {
            var ordering = FieldTest.OfNumbers(kind, ordinal);
            var names = new List<string>();
            for (var i = 0; i < field.EnumValues.Length; i++)
            {
                if (ordering.Holds(new AbstractValue(true, i, null)))
                {
                    names.Add(field.EnumValues[i]);
                }
            }

            return FieldTest.OfTexts(FieldTestKind.In, [.. names]);
        }

        private static TestFormula Test(FieldDefinition field, FieldTest test) => new(field.Name, test);

        private static TestFormula Ordered(FieldDefinition field, FieldTestKind kind, long constant) =>
            Test(field, field.Type == FieldType.Enum ? EnumOrdering(field, kind, constant) : FieldTest.OfNumbers(kind, constant));

        private static FieldTestKind Ordering(BinaryOperator op) => op switch
        {
            BinaryOperator.Less => FieldTestKind.Less,
            BinaryOperator.LessOrEqual => FieldTestKind.LessOrEqual,
            BinaryOperator.Greater => FieldTestKind.Greater,
            _ => FieldTestKind.GreaterOrEqual,
        };

        private static BinaryOperator Flip(BinaryOperator op) => op switch
        {
            BinaryOperator.Less => BinaryOperator.Greater,
            BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
            BinaryOperator.Greater => BinaryOperator.Less,
            _ => BinaryOperator.LessOrEqual,
        };

        private static OpaqueFormula Opaque(Expr expr)
        {
            var sb = new StringBuilder();
            return Print(expr, sb, 0) ? new OpaqueFormula(sb.ToString()) : Fresh();
        }

        /// <summary>A free unknown that equals no other (for trees too deep to print).</summary>
        private static OpaqueFormula Fresh() => new(null);

        /// <summary>Prints the canonical text of a sub-expression; false when it is too deep (then it matches nothing).</summary>
        private static bool Print(Expr expr, StringBuilder sb, int depth)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            switch (expr)
            {
                case LiteralExpr { Value: string s }:
                    sb.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    return true;
                case LiteralExpr { Value: long n }:
                    sb.Append(n.ToString(CultureInfo.InvariantCulture));
                    return true;
                case LiteralExpr { Value: bool b }:
                    sb.Append(b ? "true" : "false");
                    return true;
                case LiteralExpr:
                    sb.Append("null");
                    return true;
                case IdentifierExpr id:
                    sb.Append(id.Name);
                    return true;
                case NotExpr not:
                    sb.Append("!(");
                    var ok = Print(not.Operand, sb, depth + 1);
                    sb.Append(')');
                    return ok;
                case BinaryExpr binary:
                    sb.Append('(');
                    var l = Print(binary.Left, sb, depth + 1);
                    sb.Append(' ').Append(binary.OperatorText).Append(' ');
                    var r = Print(binary.Right, sb, depth + 1);
                    sb.Append(')');
                    return l && r;
                case CallExpr call:
                {
                    var good = true;
                    if (call.Target is { } target)
                    {
                        good = Print(target, sb, depth + 1);
                        sb.Append('.');
                    }

                    sb.Append(call.Name).Append('(');
                    for (var i = 0; i < call.Arguments.Length; i++)
                    {
                        sb.Append(i == 0 ? "" : ", ");
                        good &= Print(call.Arguments[i], sb, depth + 1);
                    }

                    sb.Append(')');
                    return good;
                }

                case ListExpr list:
                {
                    var good = true;
                    sb.Append('[');
                    for (var i = 0; i < list.Items.Length; i++)
                    {
                        sb.Append(i == 0 ? "" : ", ");
                        good &= Print(list.Items[i], sb, depth + 1);
                    }

                    sb.Append(']');
                    return good;
                }

                default:
                    return false;
            }
        }
    }
}
