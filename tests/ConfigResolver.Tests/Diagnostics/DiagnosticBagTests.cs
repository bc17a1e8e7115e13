using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Diagnostics;

public sealed class DiagnosticBagTests
{
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
