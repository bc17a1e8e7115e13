using System.Diagnostics;
using System.Text;

namespace ConfigResolver.Authorization.Tests.Loading;

// How each hostile directory is laid out in the sandbox.
public sealed partial class HostileDirectoryTests
{
    internal static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private void Prepare(Setup setup)
    {
        const string Head = "kind: Rules\npackage: deep\ndefault: deny\nrules: ";
        switch (setup)
        {
            case Setup.TwoLinksToTheRoot:
                Directory.CreateSymbolicLink(_sandbox.Path_("a"), ".");
                Directory.CreateSymbolicLink(_sandbox.Path_("b"), ".");
                break;
            case Setup.FifoNamedYaml:
                MakeFifo(_sandbox.Path_("rules/pipe.yaml"));
                break;
            case Setup.LinkToDevZero:
                File.CreateSymbolicLink(_sandbox.Path_("zero.yaml"), "/dev/zero");
                break;
            case Setup.HundredMegabyteRules:
                using (var stream = File.Create(_sandbox.Path_("rules/big.yaml")))
                {
                    stream.SetLength(100L << 20);
                }

                break;
            case Setup.TwoLinksToOneFolder:
                Directory.CreateDirectory(_sandbox.Path_("real"));
                Directory.CreateSymbolicLink(_sandbox.Path_("x"), "real");
                Directory.CreateSymbolicLink(_sandbox.Path_("y"), "real");
                break;
            case Setup.LinkToAFileAlreadyRead:
                File.CreateSymbolicLink(_sandbox.Path_("rules/z-again.yaml"), "org-status.yaml");
                break;
            case Setup.LinkOutsideTheRoot:
                Directory.CreateSymbolicLink(_sandbox.Path_("outside"), "/etc");
                break;
            case Setup.DanglingLink:
                File.CreateSymbolicLink(_sandbox.Path_("rules/gone.yaml"), "nowhere.yaml");
                break;
            case Setup.TooManyEntries:
                Directory.CreateDirectory(_sandbox.Path_("crowd"));
                for (var i = 0; i <= 1000; i++)
                {
                    File.WriteAllText(_sandbox.Path_($"crowd/n{i}.txt"), string.Empty);
                }

                break;
            case Setup.InvalidUtf8:
                File.WriteAllBytes(_sandbox.Path_("rules/bad.yaml"), [.. Encoding.UTF8.GetBytes("kind: Rules\npackage: bad\ndefault: deny\nrules: []\n# \u00e9t\u00e9"), 0xC3, 0x28, (byte)'\n']);
                break;
            case Setup.FlowNesting65:
                _sandbox.Write("rules/deep.yaml", Head + new string('[', 65) + new string(']', 65) + "\n");
                break;
            case Setup.FlowNesting100000:
                _sandbox.Write("rules/deep.yaml", Head + new string('[', 100_000) + new string(']', 100_000) + "\n");
                break;
            case Setup.BlockNesting70:
                var block = new StringBuilder(Head + "\n");
                for (var i = 0; i < 70; i++)
                {
                    block.Append(' ', 2 * (i + 1)).Append('k').Append(i).Append(":\n");
                }

                _sandbox.Write("rules/deep.yaml", block.ToString());
                break;
            case Setup.EscapedLoneSurrogate:
                _sandbox.Write("rules/bad.yaml", "kind: Rules\npackage: bad\ndefault: deny\nrules: [\"\\ud800\"]\n");
                break;
        }
    }
}
