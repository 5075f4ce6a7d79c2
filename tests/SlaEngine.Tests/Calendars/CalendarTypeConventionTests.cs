using System;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using SlaEngine.Calendars;
using Xunit;

namespace SlaEngine.Tests.Calendars;

/// <summary>Like Noda Time's MutabilityTest: the public calendar types are sealed (or abstract) and immutable.</summary>
public sealed class CalendarTypeConventionTests
{
    private static readonly Type[] PublicTypes = typeof(BusinessCalendar).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(BusinessCalendar).Namespace && !typeof(Exception).IsAssignableFrom(t) && !t.IsEnum)
        .ToArray();

    [Fact]
    public void Every_public_calendar_type_is_sealed_abstract_or_a_value_type() =>
        PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Should().BeEmpty();

    [Fact]
    public void No_public_calendar_type_has_a_public_setter_other_than_init()
    {
        var setters = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(p => p.SetMethod is { IsPublic: true } set
                && !set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        setters.Should().BeEmpty();
    }

    [Fact]
    public void No_public_calendar_type_has_a_mutable_field()
    {
        var fields = PublicTypes
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains("k__BackingField", StringComparison.Ordinal))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");
        fields.Should().BeEmpty();
    }
}
