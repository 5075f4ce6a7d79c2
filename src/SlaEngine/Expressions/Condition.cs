using System;
using SlaEngine.Diagnostics;
using SlaEngine.Events;

namespace SlaEngine.Expressions;

/// <summary>
/// A compiled condition of the rules language (a rule's <c>when</c>, a freeze's <c>unless</c>, a clock's
/// <c>pauseWhen</c> or <c>stopWhen</c>): its text, where it is written, and a predicate over change events.
/// Immutable and thread-safe.
/// </summary>
/// <example><c>category in ["routing", "queue"] &amp;&amp; priority &lt;= "P2" &amp;&amp; !emergency</c></example>
public sealed class Condition
{
    private readonly Func<ChangeEvent, bool> _predicate;

    internal Condition(string text, SourceLocation location, Expr syntax, Func<ChangeEvent, bool> predicate)
    {
        Text = text;
        Location = location;
        Syntax = syntax;
        _predicate = predicate;
    }

    /// <summary>The condition that always holds: the <c>when</c> of a rule that has none.</summary>
    public static Condition Always { get; } = new(
        "true",
        new SourceLocation("<builtin>", 1, 1),
        new LiteralExpr(0, 4, true) { Type = ExprType.Bool },
        static _ => true);

    /// <summary>The expression as written in the policy (after YAML unquoting).</summary>
    public string Text { get; }

    /// <summary>Where the expression starts in the policy file.</summary>
    public SourceLocation Location { get; }

    /// <summary>The typed syntax tree, kept beside the compiled predicate for analyses such as rule indexing and policy diffs.</summary>
    internal Expr Syntax { get; }

    /// <summary>
    /// Evaluates the condition on an event of the schema it was compiled against. Never throws: an absent optional
    /// field makes the comparisons and calls that use it false (except <c>==</c>/<c>!=</c>, where absent is null).
    /// </summary>
    /// <param name="e">The event.</param>
    /// <returns>Whether the condition holds.</returns>
    public bool Evaluate(ChangeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        try
        {
            return _predicate(e);
        }
#pragma warning disable CA1031 // The contract is "never throws"; a bug here must not take a decision down.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The same condition written at another place: its tree and predicate shared, its location that place.</summary>
    /// <param name="location">Where this copy of the text starts.</param>
    /// <returns>A condition that evaluates exactly as this one.</returns>
    internal Condition At(SourceLocation location) => new(Text, location, Syntax, _predicate);

    /// <summary>The condition's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
