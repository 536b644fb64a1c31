using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests.Hardening;

/// <summary>
/// A --model file the library cannot load ends the run before any image is read: exit code 2, one
/// "error: FILE: cannot load the model: ..." line on stderr, nothing on stdout.
/// </summary>
public class CliBadModelFileTests
{
    private static readonly string Photo = RepositoryPaths.Asset("images/astronaut.png");

    private string _folder = null!;
    private byte[] _model = null!;

    [OneTimeSetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("blazeface-cli-model-").FullName;
        _model = File.ReadAllBytes(RepositoryPaths.Asset("models/face_detection_front.tflite"));
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_file_of_random_bytes_is_refused_with_exit_code_2()
    {
        byte[] garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        AssertRefused(Write("garbage.tflite", garbage));
    }

    [Test]
    public void A_file_of_random_bytes_behind_a_tflite_header_is_refused_with_exit_code_2()
    {
        byte[] garbage = new byte[4096];
        new Random(8).NextBytes(garbage);
        "TFL3"u8.CopyTo(garbage.AsSpan(4));

        AssertRefused(Write("garbage-tfl3.tflite", garbage));
    }

    [Test]
    public void An_empty_file_is_refused_with_exit_code_2() => AssertRefused(Write("empty.tflite", []));

    [TestCase(7)]
    [TestCase(1024)]
    [TestCase(114_516)]
    [TestCase(229_031)]
    public void A_truncated_copy_of_the_real_model_is_refused_with_exit_code_2(int length) =>
        AssertRefused(Write($"truncated-{length}.tflite", _model[..length]));

    [Test]
    public void An_image_given_as_the_model_is_refused_with_exit_code_2() =>
        AssertRefused(Write("astronaut.tflite", File.ReadAllBytes(Photo)));

    [Test]
    public void A_folder_given_as_the_model_is_refused_with_exit_code_2() => AssertRefused(_folder);

    [Test]
    public void A_missing_model_file_is_refused_with_exit_code_2() => AssertRefused(Path.Combine(_folder, "no-such-model.tflite"));

    private static void AssertRefused(string modelPath)
    {
        CliRun run = CliRun.Of("detect", Photo, "--json", "--model", modelPath);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1), run.StandardError);
            Assert.That(run.StandardError, Does.StartWith($"error: {modelPath}: cannot load the model: "));
            Assert.That(run.StandardOutput, Is.Empty);
        }
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
