using System.Diagnostics;
using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Validation;

/// <summary>Hostile and absurd documents: every one a coded, positioned diagnostic, never an exception, and fast.</summary>
public sealed class DocumentLimitsTests
{
    private const string Where = "org 'acme'";
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(2);

    // JSON text, expected code, pointer (null: none), line, column.
    public static TheoryData<string, string, string?, int?, int?> Hostile => new()
    {
        // Numbers a 64-bit integer or a finite double cannot hold (NJsonSchema used to crash on them).
        { """{"version":10000000000000000000}""", DiagnosticCodes.NumberOutOfRange, "/version", 1, 12 },
        { """{"version":9223372036854775808}""", DiagnosticCodes.NumberOutOfRange, "/version", 1, 12 },
        { "{\"version\":1,\n \"x\":" + new string('1', 401) + "}", DiagnosticCodes.NumberOutOfRange, "/x", 2, 6 },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"models":[1e400]}}}}}""", DiagnosticCodes.NumberOutOfRange, "/setups/default/providers/openai/models/0", 1, 68 },
        { """{"version":-1e999}""", DiagnosticCodes.NumberOutOfRange, "/version", 1, 12 },

        // Lone surrogates, escaped or raw.
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"\ud800"}}}}}""", DiagnosticCodes.InvalidText, "/setups/default/providers/openai/api_key", 1, 68 },
        { """{"version":1,"metadata":{"description":"x\udc00y"}}""", DiagnosticCodes.InvalidText, "/metadata/description", 1, 40 },
        { """{"version":1,"\ud800":1}""", DiagnosticCodes.InvalidText, "", 1, 14 },

        // Nesting, counts, sizes.
        { "{\"version\":1,\"x\":" + new string('[', 64) + new string(']', 64) + "}", DiagnosticCodes.NestingTooDeep, "/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", 1, 81 },
        { "{\"version\":1,\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}", DiagnosticCodes.NestingTooDeep, null, 1, 81 },
        { Setups(65), DiagnosticCodes.TooManyEntries, "/setups", 1, 23 },
        { Setups(50_000), DiagnosticCodes.TooManyEntries, "/setups", 1, 23 },
        { """{"version":1,"setups":{"default":{"providers":{""" + string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"p{i}\":{{}}")) + "}}}}", DiagnosticCodes.TooManyEntries, "/setups/default/providers", 1, 47 },
        { """{"version":1,"setups":{"default":{"providers":{"openai":{"models":[""" + string.Join(",", Enumerable.Range(0, 257).Select(i => $"\"m{i}\"")) + "]}}}}}", DiagnosticCodes.TooManyEntries, "/setups/default/providers/openai/models", 1, 67 },
        { "{\"version\":1,\"metadata\":{\"description\":\"" + new string('x', 65_537) + "\"}}", DiagnosticCodes.StringTooLong, "/metadata/description", 1, 40 },
        { "{\"version\":1,\"metadata\":{\"description\":\"" + new string('x', (1 << 20) + 1) + "\"}}", DiagnosticCodes.DocumentTooLarge, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_documents_get_a_coded_positioned_diagnostic_quickly(string json, string code, string? jsonPointer, int? line, int? column)
    {
        var clock = Stopwatch.StartNew();

        var result = OrgConfigValidator.Validate(json, Where);

        Assert.True(clock.Elapsed < s_bound, $"took {clock.Elapsed}");
        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, line, column, Where), (diagnostic.Code, diagnostic.Line, diagnostic.Column, diagnostic.Where));
        if (jsonPointer is not null)
        {
            Assert.Equal(jsonPointer, diagnostic.Pointer);
        }
    }

    [Fact]
    public void A_raw_lone_surrogate_in_the_text_is_refused_at_its_position()
    {
        // Not theory data: xunit would replace the lone surrogate with U+FFFD while serializing the row.
        var json = "{\"version\":1,\n\"metadata\":{\"description\":\"a" + '\uD800' + "b\"}}";

        var d = Assert.Single(OrgConfigValidator.Validate(json, Where).Diagnostics);

        Assert.Equal((DiagnosticCodes.InvalidText, 2, 29), (d.Code, d.Line, d.Column));
        Assert.Contains("U+D800", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_are_inclusive_so_a_document_exactly_at_each_limit_is_valid()
    {
        var json = Setups(63).Replace("\"s0\":{}", "\"default\":{\"providers\":{\"openai\":{\"models\":[" + string.Join(",", Enumerable.Range(0, 256).Select(i => $"\"m{i}\"")) + "]}}}", StringComparison.Ordinal);

        var result = OrgConfigValidator.Validate(json, Where);

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void A_deployment_can_raise_a_limit()
    {
        var limits = new DocumentLimits { MaxSetups = 100 };

        Assert.Empty(OrgConfigValidator.Validate(Setups(65), Where, limits).Diagnostics);
        Assert.Equal(DiagnosticCodes.TooManyEntries, Assert.Single(OrgConfigValidator.Validate(Setups(101), Where, limits).Diagnostics).Code);
    }

    [Fact]
    public void A_deeper_limit_is_honoured_by_every_parser_behind_the_scanner()
    {
        var json = "{\"version\":1,\"metadata\":{\"description\":\"x\"},\"setups\":{\"default\":{\"providers\":{\"openai\":{\"models\":" + new string('[', 70) + new string(']', 70) + "}}}}}";

        var result = OrgConfigValidator.Validate(json, Where, new DocumentLimits { MaxDepth = 100 });

        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.WrongType, d.Code));
        Assert.NotEmpty(result.Diagnostics);
    }

    [Theory]
    [InlineData("""{"version":1,"setups":{"default":{"providers":{"openai":"sk-live-1234567890"}}}}""")]
    [InlineData("""{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":"sk-live-1234567890"}}}}}""")]
    [InlineData("""{"version":1,"setups":{"default":{"providers":{"openai":{"models":"sk-live-1234567890"}}}}}""")]
    [InlineData("""{"version":1,"setups":{"default":{"kb_server":"sk-live-1234567890"}}}""")]
    [InlineData("""{"version":1,"inheritance":{"providers":{"openai":{"share_api_key":"sk-live-1234567890"}}}}""")]
    [InlineData("""{"version":1,"inheritance":{"kb_server":"sk-live-1234567890"}}""")]
    [InlineData("""{"version":1,"setups":{"default":{"library":"sk-live-1234567890"}}}""")]
    public void A_wrong_typed_value_in_a_secret_bearing_section_is_described_by_type_and_length_only(string json)
    {
        var result = OrgConfigValidator.Validate(json, Where);

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain("sk-live", d.ToString(), StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code is DiagnosticCodes.WrongType or DiagnosticCodes.UnknownProperty);
    }

    [Fact]
    public void A_wrong_typed_value_elsewhere_is_still_shown()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("""{"version":1,"features":{"signup_enabled":"yes"}}""", Where).Diagnostics);

        Assert.Equal("expected true or false; found a string 'yes'.", diagnostic.Message);
    }

    [Fact]
    public void The_message_for_a_secret_slot_gives_the_length()
    {
        var diagnostic = Assert.Single(OrgConfigValidator.Validate("""{"version":1,"setups":{"default":{"providers":{"openai":"sk-abcdefghijkl"}}}}""", Where).Diagnostics);

        Assert.Equal("expected an object; found a string, a 15-character value.", diagnostic.Message);
    }

    private static string Setups(int count) =>
        "{\"version\":1,\"setups\":{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"s{i}\":{{}}")) + "}}";
}
