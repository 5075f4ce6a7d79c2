using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Events;
using SlaEngine.Text;
using SlaEngine.Yaml;

namespace SlaEngine.Events;

/// <summary>Reads typed field values from YAML scalars (field defaults, and YAML events and test cases).</summary>
internal static class FieldValueReader
{
    /// <summary>
    /// ISO-8601 date-times with an offset or <c>Z</c>: with seconds and an optional fraction, or without seconds
    /// (<c>2026-11-24T10:00Z</c>), as ticketing systems and people write them.
    /// </summary>
    /// <summary>Checks and reads a field default; returns an error text, or null when it is valid.</summary>
    public static string? ReadDefault(YamlNode node, FieldType type, ImmutableArray<string> enumValues, IReadOnlyCollection<string> teamIds, out FieldValue value)
    {
        value = FieldValue.Absent;
        if (node is YamlScalar { IsNull: true })
        {
            return "a default cannot be null: leave 'default' out, and write 'required: false' for an optional field";
        }

        if (type == FieldType.StringList)
        {
            if (node is YamlSequence seq)
            {
                var items = ImmutableArray.CreateBuilder<string>(seq.Items.Count);
                foreach (var item in seq.Items)
                {
                    if (item is not YamlScalar s)
                    {
                        return "a list<string> holds only strings";
                    }

                    items.Add(s.Value);
                }

                value = FieldValue.FromList(items.MoveToImmutable());
                return null;
            }

            return "a list<string> default must be a list, such as []";
        }

        if (node is not YamlScalar scalar)
        {
            return $"expected a single {Describe(type)} value, not {node.ShapeName}";
        }

        return ReadScalar(scalar.Value, scalar.IsPlain, type, enumValues, teamIds, out value);
    }

    /// <summary>Reads one scalar text as a value of the field's type; returns an error text, or null when valid.</summary>
    public static string? ReadScalar(string text, bool plain, FieldType type, ImmutableArray<string> enumValues, IReadOnlyCollection<string> teamIds, out FieldValue value)
    {
        value = FieldValue.Absent;
        switch (type)
        {
            case FieldType.String:
                value = FieldValue.FromString(text);
                return null;
            case FieldType.Int:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    value = FieldValue.FromInt(number);
                    return null;
                }

                return $"'{YamlTreeReader.Shorten(text)}' is not a whole number";
            case FieldType.Bool:
                if (text is "true" or "false")
                {
                    value = FieldValue.FromBool(text == "true");
                    return null;
                }

                return $"'{YamlTreeReader.Shorten(text)}' is not true or false";
            case FieldType.Enum:
                var ordinal = enumValues.IndexOf(text, StringComparer.Ordinal);
                if (ordinal >= 0)
                {
                    value = FieldValue.FromEnum(ordinal, enumValues[ordinal]);
                    return null;
                }

                return $"'{YamlTreeReader.Shorten(text)}' is not one of {string.Join(", ", enumValues)}{Diagnostics.SuggestionFinder.DidYouMean(text, enumValues)}";
            case FieldType.Team:
                var teamOrdinal = 0;
                foreach (var team in teamIds)
                {
                    if (team == text)
                    {
                        value = FieldValue.FromTeam(teamOrdinal, team);
                        return null;
                    }

                    teamOrdinal++;
                }

                return $"'{YamlTreeReader.Shorten(text)}' is not a declared team{Diagnostics.SuggestionFinder.DidYouMean(text, teamIds)}";
            case FieldType.Instant:
                if (TryParseInstant(text, out var instant, out var error))
                {
                    value = FieldValue.FromInstant(instant);
                    return null;
                }

                return error;
            case FieldType.StringList:
                return "a list<string> value must be a list";
            default:
                return "unsupported type";
        }
    }

    /// <summary>Parses an ISO-8601 instant that carries an offset or <c>Z</c>; a local time without an offset is refused.</summary>
    public static bool TryParseInstant(string text, out Instant instant, out string error) => InstantText.TryParse(text, out instant, out error);

    /// <summary>Parses an ISO-8601 date-time with an offset or <c>Z</c>, keeping the offset (see <see cref="InstantText"/>).</summary>
    public static bool TryParseOffsetDateTime(string text, out OffsetDateTime value, out string error) => InstantText.TryParseOffsetDateTime(text, out value, out error);

    public static string Describe(FieldType type) => type switch
    {
        FieldType.String => "string",
        FieldType.Int => "int",
        FieldType.Bool => "bool",
        FieldType.Enum => "enum",
        FieldType.Team => "team",
        FieldType.Instant => "instant",
        FieldType.StringList => "list<string>",
        _ => type.ToString(),
    };
}
