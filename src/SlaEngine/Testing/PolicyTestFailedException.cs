using System;

namespace SlaEngine.Testing;

/// <summary>
/// Thrown by <see cref="PolicyTestCases.Run(string, string)"/> when a case fails, so a unit-test framework reports it;
/// the message holds the case, its position and every difference, as <c>slaengine test</c> prints them.
/// </summary>
public sealed class PolicyTestFailedException : Exception
{
    /// <summary>Creates the exception from a failed result.</summary>
    /// <param name="result">The failed result.</param>
    public PolicyTestFailedException(PolicyTestResult result)
        : base(Describe(result)) => Result = result;

    /// <summary>Creates the exception.</summary>
    public PolicyTestFailedException()
        : base("The policy test case failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PolicyTestFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyTestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The failed result; null when the exception was made from a message.</summary>
    public PolicyTestResult? Result { get; }

    private static string Describe(PolicyTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        text.WriteLine(result.ToString());
        TestReportWriter.WriteFailure(result, text);
        return text.ToString().TrimEnd();
    }
}
