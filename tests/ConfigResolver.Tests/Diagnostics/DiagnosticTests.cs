using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    [Fact]
    public void ToString_renders_one_line_with_subject_code_pointer_expected_and_found()
    {
        var diagnostic = Diagnostic.Mismatch(DiagnosticCodes.InvalidUrl, "/setups/default/providers/openai/base_url", "an absolute http or https URL", "'localhost:8080'")
            with { Where = "org 'acme'", Line = 4, Column = 20 };

        Assert.Equal(
            "org 'acme': error CFG1003: /setups/default/providers/openai/base_url: expected an absolute http or https URL; found 'localhost:8080'.",
            diagnostic.ToString());
    }

    public static TheoryData<Diagnostic, string> Renderings => new()
    {
        { new Diagnostic("CFG1001", "invalid JSON: x.") { Where = "org 'acme'", Line = 3, Column = 5 }, "org 'acme': line 3, column 5: error CFG1001: invalid JSON: x." },
        { new Diagnostic("CFG1001", "invalid JSON: x.") { File = "acme.json", Line = 3, Column = 5, Pointer = "/a" }, "acme.json:3:5: error CFG1001: /a: invalid JSON: x." },
        { new Diagnostic("TEN2007", "m.") { Where = "org 'system'" }, "org 'system': error TEN2007: m." },
        { new Diagnostic("X1", "m.") { Severity = DiagnosticSeverity.Warning, Pointer = "/p" }, "warning X1: /p: m." },
    };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void ToString_places_position_only_where_the_pointer_cannot(Diagnostic diagnostic, string expected) =>
        Assert.Equal(expected, diagnostic.ToString());

    [Fact]
    public void Bag_drops_duplicates_and_sorts_by_subject_position_pointer_and_code()
    {
        var bag = new DiagnosticBag();
        bag.Add(new Diagnostic("B2", "m.") { Where = "org 'b'", Pointer = "/z" });
        bag.Add(new Diagnostic("A2", "m.") { Where = "org 'a'", Pointer = "/y" });
        bag.Add(new Diagnostic("A1", "m.") { Where = "org 'a'", Pointer = "/y" });
        bag.Add(new Diagnostic("A9", "m.") { Where = "org 'a'", Pointer = "/x", Line = 2, Column = 1 });
        bag.Add(new Diagnostic("A1", "other wording.") { Where = "org 'a'", Pointer = "/y" });

        var codes = bag.ToImmutable().Select(d => d.Code);

        Assert.Equal(["A9", "A1", "A2", "B2"], codes);
    }

    [Fact]
    public void Exception_message_lists_every_diagnostic_on_its_own_line()
    {
        var exception = new TenantValidationException(
        [
            new Diagnostic("TEN2001", "first.") { Where = "org 'x'" },
            new Diagnostic("TEN2014", "second.") { Where = "org 'x'" },
        ]);

        Assert.Equal(["org 'x': error TEN2001: first.", "org 'x': error TEN2014: second."], exception.Message.Split(Environment.NewLine));
        Assert.Equal(2, exception.Diagnostics.Length);
    }

    [Fact]
    public void Exception_without_diagnostics_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => new TenantValidationException([]));
}
