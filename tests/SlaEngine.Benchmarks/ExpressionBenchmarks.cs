using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions;
using LinqExpression = System.Linq.Expressions.Expression;

namespace SlaEngine.Benchmarks;

/// <summary>
/// The rules language: evaluating a typical <c>when</c> (must be tens of ns, 0 bytes), and the cost of building it
/// (parse + check + compile to closures, against the same typed tree compiled to a System.Linq.Expressions tree).
/// </summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private const string Typical = "category in [\"routing\",\"queue\"] && priority <= \"P2\" && !emergency && summary.contains(\"IVR\")";

    private ExpressionEnvironment _env = null!;
    private Condition _condition = null!;
    private Func<ChangeEvent, bool> _tree = null!;
    private ChangeEvent _event = null!;

    /// <summary>Builds the schema, the event and both compiled forms.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var location = new SourceLocation("bench.yaml", 1, 1);
        var fields = new[]
        {
            new FieldDefinition("category", FieldType.Enum, 0, ["routing", "queue", "agent-desktop"], true, FieldValue.Absent, location),
            new FieldDefinition("priority", FieldType.Enum, 1, ["P1", "P2", "P3", "P4"], true, FieldValue.Absent, location),
            new FieldDefinition("emergency", FieldType.Bool, 2, [], true, FieldValue.Absent, location),
            new FieldDefinition("summary", FieldType.String, 3, [], true, FieldValue.Absent, location),
        };
        var schema = new EventSchema(fields, ["cc-ops"]);
        _env = new ExpressionEnvironment(schema, ["24x7"], _ => _ => true);
        _event = new ChangeEvent(schema, Instant.FromUtc(2026, 11, 2, 14, 0), null,
        [
            FieldValue.FromEnum(0, "routing"),
            FieldValue.FromEnum(1, "P2"),
            FieldValue.FromBool(false),
            FieldValue.FromString("Update IVR prompt for the billing queue"),
        ], []);
        _condition = CompileClosures();
        _tree = CompileTree();
        if (!_condition.Evaluate(_event) || !_tree(_event))
        {
            throw new InvalidOperationException("the typical condition should hold on the sample event");
        }
    }

    /// <summary>Evaluates the compiled closures.</summary>
    [Benchmark(Baseline = true)]
    public bool Evaluate_closures() => _condition.Evaluate(_event);

    /// <summary>Evaluates the compiled expression tree.</summary>
    [Benchmark]
    public bool Evaluate_expression_tree() => _tree(_event);

    /// <summary>Parse + check + compile to closures (what the loader does per rule).</summary>
    [Benchmark]
    public Condition CompileClosures() =>
        ConditionCompiler.Compile(Typical, LinearPositionMap.Standalone, _env, new DiagnosticBag())!;

    /// <summary>Parse + check + compile the same typed tree to a System.Linq.Expressions delegate.</summary>
    [Benchmark]
    public Func<ChangeEvent, bool> CompileTree()
    {
        var syntax = ConditionCompiler.Compile(Typical, LinearPositionMap.Standalone, _env, new DiagnosticBag())!.Syntax;
        return ExpressionTreeCompiler.Compile(syntax);
    }
}

/// <summary>
/// A minimal System.Linq.Expressions back end for the node kinds of the typical condition, for comparison only
/// (enum/bool fields against constants, enum lists, !, &amp;&amp;, string contains). Not used by the library.
/// </summary>
internal static class ExpressionTreeCompiler
{
    // Expression trees cannot call the by-ref indexer, so the tree calls these readers.
    private static readonly MethodInfo NumberOf = typeof(ExpressionTreeCompiler).GetMethod(nameof(ReadNumber), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo PresentOf = typeof(ExpressionTreeCompiler).GetMethod(nameof(ReadPresent), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo TextOf = typeof(ExpressionTreeCompiler).GetMethod(nameof(ReadText), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;

    public static Func<ChangeEvent, bool> Compile(Expr root)
    {
        var e = LinqExpression.Parameter(typeof(ChangeEvent), "e");
        return LinqExpression.Lambda<Func<ChangeEvent, bool>>(Bool(root, e), e).Compile();
    }

    private static long ReadNumber(ChangeEvent e, int slot) => e[slot].Number;

    private static bool ReadPresent(ChangeEvent e, int slot) => !e[slot].IsAbsent;

    private static string? ReadText(ChangeEvent e, int slot) => e[slot].Text;

    private static LinqExpression Number(FieldDefinition field, LinqExpression e) =>
        LinqExpression.Call(NumberOf, e, LinqExpression.Constant(field.Slot));

    private static LinqExpression Present(FieldDefinition field, LinqExpression e) =>
        LinqExpression.Call(PresentOf, e, LinqExpression.Constant(field.Slot));

    private static LinqExpression Bool(Expr expr, LinqExpression e) => expr switch
    {
        IdentifierExpr { Field: { } f } => LinqExpression.AndAlso(Present(f, e), LinqExpression.NotEqual(Number(f, e), LinqExpression.Constant(0L))),
        NotExpr { Operand: IdentifierExpr { Field: { } f } } => LinqExpression.AndAlso(Present(f, e), LinqExpression.Equal(Number(f, e), LinqExpression.Constant(0L))),
        NotExpr not => LinqExpression.Not(Bool(not.Operand, e)),
        BinaryExpr { Operator: BinaryOperator.And } b => LinqExpression.AndAlso(Bool(b.Left, e), Bool(b.Right, e)),
        BinaryExpr { Operator: BinaryOperator.Or } b => LinqExpression.OrElse(Bool(b.Left, e), Bool(b.Right, e)),
        BinaryExpr { Operator: BinaryOperator.In, Left: IdentifierExpr { Field: { } f }, Right: ListExpr list } =>
            list.Items.Cast<LiteralExpr>()
                .Select(i => (LinqExpression)LinqExpression.Equal(Number(f, e), LinqExpression.Constant((long)i.Ordinal)))
                .Aggregate(LinqExpression.OrElse),
        BinaryExpr { Left: IdentifierExpr { Field: { } f }, Right: LiteralExpr { Ordinal: >= 0 } lit } b =>
            LinqExpression.AndAlso(Present(f, e), Compare(b.Operator, Number(f, e), LinqExpression.Constant((long)lit.Ordinal))),
        CallExpr { Function: BuiltinFunction.StringContains, Target: IdentifierExpr { Field: { } f }, Arguments: [LiteralExpr { Value: string s }] } =>
            Text(f, e, text => LinqExpression.Call(text, Contains, LinqExpression.Constant(s), LinqExpression.Constant(StringComparison.Ordinal))),
        _ => throw new NotSupportedException(expr.GetType().Name),
    };

    private static LinqExpression Text(FieldDefinition field, LinqExpression e, Func<LinqExpression, LinqExpression> body)
    {
        var text = LinqExpression.Variable(typeof(string), "text");
        return LinqExpression.Block(
            [text],
            LinqExpression.Assign(text, LinqExpression.Call(TextOf, e, LinqExpression.Constant(field.Slot))),
            LinqExpression.AndAlso(LinqExpression.NotEqual(text, LinqExpression.Constant(null, typeof(string))), body(text)));
    }

    private static LinqExpression Compare(BinaryOperator op, LinqExpression a, LinqExpression b) => op switch
    {
        BinaryOperator.Equal => LinqExpression.Equal(a, b),
        BinaryOperator.NotEqual => LinqExpression.NotEqual(a, b),
        BinaryOperator.Less => LinqExpression.LessThan(a, b),
        BinaryOperator.LessOrEqual => LinqExpression.LessThanOrEqual(a, b),
        BinaryOperator.Greater => LinqExpression.GreaterThan(a, b),
        _ => LinqExpression.GreaterThanOrEqual(a, b),
    };
}
