using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy.Tests.Diagnostics;

public sealed class PolicyCompilationExceptionTests
{
    [Fact]
    public void Compilation_exception_holds_sorted_diagnostics_and_renders_them_in_its_message()
    {
        var exception = new PolicyCompilationException([new Diagnostic("POL1007", "b", "m.conf", 11, 23), new Diagnostic("POL1006", "a", "m.conf", 11, 5)]);

        Assert.Equal(["POL1006", "POL1007"], exception.Diagnostics.Select(static d => d.Code));
        Assert.Contains("m.conf:11:5: error POL1006: a", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compilation_exception_requires_a_diagnostic() =>
        Assert.Throws<ArgumentException>(() => new PolicyCompilationException(Array.Empty<Diagnostic>()));
}
