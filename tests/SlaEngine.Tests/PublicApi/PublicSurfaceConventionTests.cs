using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;

namespace SlaEngine.Tests.PublicApi;

/// <summary>
/// Keeps the habits of the public surface without review: types are sealed unless designed for inheritance, and every
/// public type and member has an XML doc in the documentation file the package ships.
/// </summary>
public sealed class PublicSurfaceConventionTests
{
    private static readonly Assembly Library = typeof(Policy).Assembly;

    /// <summary>
    /// Abstract bases designed for inheritance: a holiday rule is a fixed date, a yearly date or an n-th weekday, and
    /// a host may add its own (a holiday table kept elsewhere). Adding a type here is a design decision.
    /// </summary>
    private static readonly HashSet<Type> DesignedForInheritance = [typeof(SlaEngine.Calendars.Holiday)];

    [Fact]
    public void Every_public_class_is_sealed_static_or_designed_for_inheritance()
    {
        var open = Library.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && DesignedForInheritance.Contains(t)) && !DesignedForInheritance.Contains(t) && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName);

        open.Should().BeEmpty("public classes are sealed (or static) unless listed as designed for inheritance");
    }

    [Fact]
    public void Every_public_type_and_member_has_an_xml_doc()
    {
        var xmlPath = Path.ChangeExtension(Library.Location, ".xml");
        File.Exists(xmlPath).Should().BeTrue($"the documentation file {xmlPath} is generated and shipped");
        var documented = XDocument.Load(xmlPath).Descendants("member")
            .Where(m => m.Element("inheritdoc") is not null || (m.Element("summary") is { } summary && summary.Value.Trim().Length > 0))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var missing = PublicSurface().Where(id => !documented.Contains(id)).ToList();

        missing.Should().BeEmpty("every public type and member says what it is for");
    }

    [Fact]
    public void The_documentation_check_sees_the_whole_surface()
    {
        var ids = PublicSurface().ToList();

        ids.Should().Contain("T:SlaEngine.Policy")
            .And.Contain("M:SlaEngine.Policy.Evaluate(SlaEngine.Events.ChangeEvent)")
            .And.Contain("M:SlaEngine.PolicyLoader.Load(System.String,System.String)")
            .And.Contain("P:SlaEngine.Evaluation.Deadline.Due")
            .And.Contain("F:SlaEngine.Tracking.ClockState.Paused")
            .And.Contain("E:SlaEngine.DependencyInjection.IPolicySource.Reloaded")
            .And.Contain("M:SlaEngine.Tracking.Ticket.Append(NodaTime.Instant,System.Collections.Generic.IEnumerable{System.Collections.Generic.KeyValuePair{System.String,System.Object}})");
    }

    /// <summary>The documentation ids of every public (or protected) type and member a consumer can see.</summary>
    private static IEnumerable<string> PublicSurface()
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in Library.GetExportedTypes())
        {
            yield return "T:" + TypeId(type);
            foreach (var member in type.GetMembers(Declared))
            {
                if (member is Type || !IsVisible(member) || IsCompilerGenerated(member))
                {
                    continue;
                }

                var id = member switch
                {
                    ConstructorInfo c when type.IsValueType && c.GetParameters().Length == 0 => null,
                    ConstructorInfo c when IsPrimaryOfRecord(type, c) => null,
                    ConstructorInfo c when IsImplicitDefault(type, c) => null,
                    MethodInfo m when m.IsSpecialName && !m.Name.StartsWith("op_", StringComparison.Ordinal) => null,
                    MethodBase m => "M:" + TypeId(type) + "." + (m.IsConstructor ? "#ctor" : m.Name) + GenericArity(m) + Parameters(m.GetParameters()),
                    PropertyInfo p => "P:" + TypeId(type) + "." + p.Name + Parameters(p.GetIndexParameters()),
                    FieldInfo f when f.IsSpecialName => null,
                    FieldInfo f => "F:" + TypeId(type) + "." + f.Name,
                    EventInfo e => "E:" + TypeId(type) + "." + e.Name,
                    _ => null,
                };
                if (id is not null)
                {
                    yield return id;
                }
            }
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily || add.IsFamilyOrAssembly),
        _ => false,
    };

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute)) ||
        (member is PropertyInfo p && p.GetMethod?.IsDefined(typeof(CompilerGeneratedAttribute)) == true && p.Name == "EqualityContract") ||
        member.Name is "<Clone>$" ||
        (IsRecord(member.DeclaringType!) && member is MethodInfo m && IsRecordSynthesized(m));

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    /// <summary>Equality, printing and deconstruction members the compiler writes for a record (they are documented by the language).</summary>
    private static bool IsRecordSynthesized(MethodInfo m) =>
        m.Name is "Equals" or "GetHashCode" or "op_Equality" or "op_Inequality" or "Deconstruct" or "PrintMembers"
        || (m.Name == "ToString" && m.GetParameters().Length == 0 && m.IsDefined(typeof(CompilerGeneratedAttribute)));

    /// <summary>A positional record's constructor is documented by the record's own <c>param</c> tags.</summary>
    private static bool IsPrimaryOfRecord(Type type, ConstructorInfo c) =>
        IsRecord(type) && c.GetParameters() is { Length: > 0 } ps && !(ps.Length == 1 && ps[0].ParameterType == type)
        && ps.All(p => type.GetProperty(p.Name!) is not null);

    /// <summary>The constructor the compiler adds to a class that declares none (it cannot carry a doc comment).</summary>
    private static bool IsImplicitDefault(Type type, ConstructorInfo c) =>
        c.GetParameters().Length == 0 && type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .All(other => other == c || (IsRecord(type) && other.GetParameters() is [var p] && p.ParameterType == type));

    private static string GenericArity(MethodBase m) => m.IsGenericMethodDefinition ? "``" + m.GetGenericArguments().Length : string.Empty;

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => ParameterType(p.ParameterType))) + ")";

    private static string TypeId(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string ParameterType(Type type)
    {
        if (type.IsByRef)
        {
            return ParameterType(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return ParameterType(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var name = TypeId(definition);
            name = name[..name.IndexOf('`', StringComparison.Ordinal)];
            return name + "{" + string.Join(",", type.GetGenericArguments().Select(ParameterType)) + "}";
        }

        return TypeId(type);
    }
}
