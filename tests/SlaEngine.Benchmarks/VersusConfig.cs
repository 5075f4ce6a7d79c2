using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SlaEngine.Benchmarks;

/// <summary>Adds the "vs RulesEngine" column and the median to the comparison run.</summary>
public sealed class VersusConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public VersusConfig()
    {
        AddColumn(StatisticColumn.Median);
        AddColumn(new SpeedupColumn("RulesEngine_"));
    }
}

/// <summary>
/// How many times faster a row is than the RulesEngine row of the same category and parameters (RulesEngine's mean
/// divided by the row's); empty where the category has no RulesEngine row.
/// </summary>
public sealed class SpeedupColumn(string prefix) : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(SpeedupColumn) + prefix;

    /// <inheritdoc/>
    public string ColumnName => "vs RulesEngine";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "RulesEngine's mean time divided by this row's, same category and parameters (x faster than RulesEngine)";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var categories = string.Join(",", benchmarkCase.Descriptor.Categories);
        var reference = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.WorkloadMethod.Name.StartsWith(prefix, StringComparison.Ordinal) &&
            string.Join(",", c.Descriptor.Categories) == categories &&
            c.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo);
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var theirs = reference is null ? null : summary[reference]?.ResultStatistics;
        if (mine is null || theirs is null || mine.Mean <= 0)
        {
            return "-";
        }

        return (theirs.Mean / mine.Mean).ToString(theirs.Mean / mine.Mean >= 10 ? "N0" : "N2", CultureInfo.InvariantCulture) + "x";
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
