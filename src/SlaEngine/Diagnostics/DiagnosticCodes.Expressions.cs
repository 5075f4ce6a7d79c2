namespace SlaEngine.Diagnostics;

/// <content>The codes of the rules language (<c>when</c>, <c>unless</c>, <c>pauseWhen</c>, <c>stopWhen</c>): <c>SLA20xx</c>.</content>
public static partial class DiagnosticCodes
{
    /// <summary>An expression is not well-formed: an unexpected token, a missing operand or a missing closing bracket.</summary>
    public const string ExpressionSyntax = "SLA2001";

    /// <summary>A string literal is not closed before the end of the expression.</summary>
    public const string UnterminatedString = "SLA2002";

    /// <summary>A string literal holds an escape sequence the language does not define.</summary>
    public const string InvalidEscape = "SLA2003";

    /// <summary>An integer literal does not fit in 64 bits.</summary>
    public const string IntegerOutOfRange = "SLA2004";

    /// <summary>A character that starts no token (for example a lone <c>=</c> or <c>&amp;</c>, or a non-ASCII letter outside a string).</summary>
    public const string UnexpectedCharacter = "SLA2005";

    /// <summary>A parenthesis or bracket is opened and never closed.</summary>
    public const string UnclosedBracket = "SLA2006";

    /// <summary>Comparisons are chained (<c>a == b == c</c>); comparisons do not associate.</summary>
    public const string ChainedComparison = "SLA2007";

    /// <summary>An expression is longer than 4,096 characters.</summary>
    public const string ExpressionTooLong = "SLA2008";

    /// <summary>An expression nests deeper than 64 levels.</summary>
    public const string ExpressionTooDeep = "SLA2009";

    /// <summary>A list literal has more than 1,000 items.</summary>
    public const string ListTooLong = "SLA2010";

    /// <summary>An identifier is neither a declared field nor a built-in (<c>submittedAt</c>, <c>id</c>).</summary>
    public const string UnknownIdentifier = "SLA2011";

    /// <summary>A function or method the language does not define.</summary>
    public const string UnknownFunction = "SLA2012";

    /// <summary>A function is called with the wrong number of arguments.</summary>
    public const string WrongArity = "SLA2013";

    /// <summary>The two sides of a comparison, or a list's items, have different types.</summary>
    public const string TypeMismatch = "SLA2014";

    /// <summary>An ordering operator (<c>&lt; &lt;= &gt; &gt;=</c>) on a type that has no order (bool, string, team, list, null).</summary>
    public const string NotOrdered = "SLA2015";

    /// <summary>A string literal compared with an enum field is not one of the field's values.</summary>
    public const string UnknownEnumValue = "SLA2016";

    /// <summary>A string literal compared with a team field is not a declared team id.</summary>
    public const string UnknownTeamValue = "SLA2017";

    /// <summary>An operand of <c>&amp;&amp;</c>, <c>||</c> or <c>!</c> is not bool.</summary>
    public const string NotBoolOperand = "SLA2018";

    /// <summary>A function argument or receiver has the wrong type.</summary>
    public const string InvalidArgument = "SLA2019";

    /// <summary>The pattern of <c>matches</c> is not a string literal or not a valid (non-backtracking) regular expression.</summary>
    public const string InvalidRegex = "SLA2020";

    /// <summary><c>open(...)</c> names a calendar that is not declared.</summary>
    public const string UnknownCalendarInExpression = "SLA2021";

    /// <summary>The condition as a whole is not bool (for example <c>when: category</c>).</summary>
    public const string ConditionNotBool = "SLA2022";
}
