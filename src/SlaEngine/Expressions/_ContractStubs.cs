// TEMPORARY: the agreed contract of the expressions branch, so evaluation compiles before the merge. Deleted at merge.
#pragma warning disable CS1591, CA1822, IDE0060, CS9113
using System;
using System.Collections.Generic;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;

namespace SlaEngine.Expressions;

internal interface IPositionMap { SourceLocation Map(int offset); }
internal sealed class LinearPositionMap(SourceLocation start) : IPositionMap { public SourceLocation Map(int offset) => start.At(start.Line, start.Column + offset); }
internal sealed class ScalarPositionMap(SourceLocation start) : IPositionMap
{
    public static ScalarPositionMap Create(string fileText, int startIndex, int startLine, int startColumn, YamlDotNet.Core.ScalarStyle style) => new(new SourceLocation("", startLine, startColumn));
    public SourceLocation Map(int offset) => start;
}
internal sealed class ExpressionEnvironment(EventSchema schema, IReadOnlyCollection<string> calendarIds, Func<string, Func<Instant, bool>> isOpenResolver)
{
    public EventSchema Schema => schema;
}
internal abstract class Expr;
internal static class ConditionCompiler
{
    public static Condition? Compile(string text, IPositionMap map, ExpressionEnvironment env, DiagnosticBag diagnostics) => new(text, map.Map(0));
}
public sealed class Condition
{
    internal Condition(string text, SourceLocation location) { Text = text; Location = location; }
    public string Text { get; }
    public SourceLocation Location { get; }
    public bool Evaluate(ChangeEvent e) => true;
    public static Condition Always { get; } = new("true", default);
}
internal static class ConditionAnalysis
{
    public static IReadOnlySet<int>? PossibleEnumOrdinals(Condition c, FieldDefinition field) => null;
}
