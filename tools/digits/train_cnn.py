#!/usr/bin/python3
"""Trains the two CNNs of the handwritten-digit engine and exports them as one ONNX network (dev tool, not run by CI).

Run through `protocol-ocr train-digits --out tessdata/digits`, which writes the data (already normalized by .NET's
DigitNormalizer, so training sees exactly what the worker feeds the network) into --data and then calls:
    /usr/bin/python3 tools/digits/train_cnn.py --data DIR --out tessdata/digits [--epochs N] [--seed S]
With --init-from PAIR.onnx both networks start from that pair's weights instead of from random ones (a fine-tune:
batch norm stays as folded into the convolutions, the learning rate peaks at --max-lr).
Files in --data (DigitDataFile: int32 label + 784 float32 per digit): fit.bin (MNIST Train part minus its last 10% per
class, two augmented copies of each with European 1 and 7, font renders), validation.bin (that last 10%) and
validation-photo.bin (the same digits photographed as the reader cuts them; pooled with the clean ones only with
--pooled-validation): the validation slice, used for the temperatures, the accept threshold and the calibration
only; and the held-out sets (heldout-*.bin), read once at
the end and only reported.
Two networks of different shapes and seeds train in parallel (one thread each); `cnn.onnx` runs both on one input and
returns their logits side by side (1x20): each is a witness for the other.
"""
import argparse
import hashlib
import json
import math
import multiprocessing
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SIDE = 28
RECORD = np.dtype([("label", "<i4"), ("pixels", "<f4", (SIDE * SIDE,))])
TARGET_ACCEPTED_ACCURACY = 0.999
PRIOR_DIGITS = 4
CONFIDENCE_BIN_EDGES = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9995]


def load(path):
    records = np.fromfile(path, dtype=RECORD)
    images = torch.from_numpy(records["pixels"].reshape(-1, 1, SIDE, SIDE).copy())
    return images, torch.from_numpy(records["label"].astype(np.int64))


def load_validation(data, pooled):
    """The validation slice (with `pooled`, its clean and photographed parts together) and each part's name and rows."""
    parts, begin = [], 0
    images, labels = [], []
    for name in ("validation", "validation-photo") if pooled else ("validation",):
        path = os.path.join(data, name + ".bin")
        if os.path.exists(path):
            part_images, part_labels = load(path)
            images.append(part_images)
            labels.append(part_labels)
            parts.append((name, slice(begin, begin + len(part_labels))))
            begin += len(part_labels)
    return torch.cat(images), torch.cat(labels), parts


class WideCnn(nn.Module):
    """conv5x5x32-pool-conv5x5x64-pool-fc128-fc10 (the engine's first CNN), ~4 M multiply-adds."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 5)
        self.conv2 = nn.Conv2d(32, 64, 5)
        self.fc1 = nn.Linear(64 * 4 * 4, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = F.dropout(torch.flatten(x, 1), 0.25, self.training)
        return self.fc2(F.dropout(F.relu(self.fc1(x)), 0.5, self.training))


class DeepCnn(nn.Module):
    """conv3x3x32-pool-conv3x3x64-pool-conv3x3x128-fc128-fc10 with batch norm, ~3 M multiply-adds."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, 3)
        self.bn2 = nn.BatchNorm2d(64)
        self.conv3 = nn.Conv2d(64, 128, 3)
        self.bn3 = nn.BatchNorm2d(128)
        self.fc1 = nn.Linear(128 * 3 * 3, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        x = F.relu(self.bn3(self.conv3(x)))
        x = F.dropout(torch.flatten(x, 1), 0.25, self.training)
        return self.fc2(F.dropout(F.relu(self.fc1(x)), 0.5, self.training))


class Pair(nn.Module):
    """Both networks on the same digit; logits side by side (first WideCnn's, then DeepCnn's)."""

    def __init__(self, first, second):
        super().__init__()
        self.first = first
        self.second = second

    def forward(self, x):
        return torch.cat([self.first(x), self.second(x)], 1)


ARCHITECTURES = {"wide": WideCnn, "deep": DeepCnn}
PAIR_MEMBERS = {"wide": "first", "deep": "second"}


def augment(batch, generator):
    """Per batch: rotation +-15 deg, scale 0.85-1.15, shear +-0.25, shift +-2.5 px, and a third of the digits'
    strokes thickened or thinned by one pixel (max-pool dilation / erosion, blended half way)."""
    count = batch.shape[0]

    def uniform(low, high):
        return torch.rand(count, generator=generator) * (high - low) + low

    angle = uniform(-15, 15) * math.pi / 180
    scale = uniform(0.85, 1.15)
    shear = uniform(-0.25, 0.25)
    shift_x = uniform(-2.5, 2.5) * 2 / SIDE
    shift_y = uniform(-2.5, 2.5) * 2 / SIDE
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([
        torch.stack([cos, -sin + shear, shift_x], 1),
        torch.stack([sin, cos, shift_y], 1),
    ], 1)
    grid = F.affine_grid(theta, batch.shape, align_corners=False)
    warped = F.grid_sample(batch, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    stroke = torch.rand(count, generator=generator)
    thicker = 0.5 * (warped + F.max_pool2d(warped, 3, 1, 1))
    thinner = 0.5 * (warped - F.max_pool2d(-warped, 3, 1, 1))
    return torch.where((stroke < 1 / 6)[:, None, None, None], thicker,
                       torch.where((stroke > 5 / 6)[:, None, None, None], thinner, warped))


def fit(job):
    """Trains one network; returns its state and the validation top-1 per epoch (runs in its own process)."""
    architecture, seed, epochs, batch, data, init_from, max_lr, pooled = job
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    images, labels = load(os.path.join(data, "fit.bin"))
    val_images, val_labels, _ = load_validation(data, pooled)
    model = getattr(pair_from_onnx(init_from), PAIR_MEMBERS[architecture]) if init_from else ARCHITECTURES[architecture]()
    optimizer = torch.optim.Adam(model.parameters(), lr=max_lr)
    steps = epochs * math.ceil(len(labels) / batch)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=max_lr, total_steps=steps)
    began = time.time()
    for epoch in range(epochs):
        model.train()
        if init_from:
            # The exported pair has batch norm folded into its convolutions: keep it the identity it is there.
            for module in model.modules():
                if isinstance(module, nn.BatchNorm2d):
                    module.eval()
        order = torch.randperm(len(labels), generator=generator)
        total = 0.0
        for start in range(0, len(order), batch):
            index = order[start:start + batch]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(augment(images[index], generator)), labels[index], label_smoothing=0.05)
            loss.backward()
            optimizer.step()
            scheduler.step()
            total += loss.item() * len(index)
        model.eval()
        with torch.no_grad():
            top1 = (model(val_images).argmax(1) == val_labels).float().mean().item()
        print(f"{architecture} epoch {epoch + 1}/{epochs} loss {total / len(order):.4f} validation {top1:.2%} "
              f"({time.time() - began:.0f} s)", flush=True)
    return architecture, model.state_dict()


def temperature(logits, labels):
    """Softmax temperature minimising validation log-loss (makes each network's probabilities calibrated)."""
    candidates = np.arange(0.3, 3.001, 0.02)
    losses = [F.cross_entropy(logits / t, labels).item() for t in candidates]
    return float(candidates[int(np.argmin(losses))])


def combine(logits, temperatures):
    """The engine's per-class probabilities: the mean of the two networks' temperature-scaled softmaxes."""
    first = F.softmax(logits[:, :10] / temperatures[0], 1)
    second = F.softmax(logits[:, 10:] / temperatures[1], 1)
    agree = first.argmax(1) == second.argmax(1)
    return (first + second) / 2, agree


def choose_threshold(confidence, correct, agree):
    """Lowest probability accepted (when both networks agree) whose accepted validation digits (clean and photographed
    pooled) reach the target: on ~1,600 digits 99.9% tolerates one wrong accepted digit, on the clean 805 alone none."""
    for threshold in sorted(set(np.round(confidence[agree], 4).tolist())):
        accepted = agree & (confidence >= threshold)
        if correct[accepted].mean() >= TARGET_ACCEPTED_ACCURACY:
            return float(threshold)
    return 0.9999


def calibration(confidence, correct, agree, threshold, temperatures):
    """A digit's confidence, the probability that it is right, per (agreement, probability) bin on validation: the
    bin's accuracy shrunk towards its mean probability (worth PRIOR_DIGITS digits: most bins hold a handful), capped
    by the smoothed accuracy of all validation digits at or above the bin (~1,600 digits cannot vouch for more)."""
    bins = []
    for together in (True, False):
        for low, high in zip(CONFIDENCE_BIN_EDGES, CONFIDENCE_BIN_EDGES[1:] + [1.0]):
            inside = (agree == together) & (confidence >= low) & ((confidence < high) | (high == 1.0))
            above = (agree == together) & (confidence >= low)
            count, right = int(inside.sum()), int(correct[inside].sum())
            prior = float(confidence[inside].mean()) if count else (low + high) / 2
            shrunk = (right + PRIOR_DIGITS * prior) / (count + PRIOR_DIGITS)
            cap = (int(correct[above].sum()) + 1) / (int(above.sum()) + 2)
            bins.append({"ModelsAgree": together, "MinProbability": low, "Count": count, "Correct": right,
                         "Confidence": round(min(shrunk, cap), 6)})
    return {"AcceptThreshold": threshold, "Temperatures": temperatures, "Bins": bins}


def pair_from_onnx(path):
    """The trained pair back from its ONNX export (batch norm is folded into the convolutions there), to recalibrate."""
    import onnx
    from onnx import numpy_helper
    weights = {item.name: torch.from_numpy(numpy_helper.to_array(item).copy()) for item in onnx.load(path).graph.initializer}
    pair = Pair(WideCnn(), DeepCnn())
    state = pair.state_dict()
    folded = sorted((name for name in weights if name.startswith("onnx::Conv_")), key=lambda name: int(name.split("_")[-1]))
    for index, layer in enumerate(("conv1", "conv2", "conv3")):
        weights[f"second.{layer}.weight"] = weights[folded[2 * index]]
        weights[f"second.{layer}.bias"] = weights[folded[2 * index + 1]]
        state[f"second.bn{index + 1}.running_var"].fill_(1 - pair.second.bn1.eps)
    for name in state:
        if name in weights:
            state[name] = weights[name]
    pair.load_state_dict(state)
    return pair.eval()


def summary(probabilities, agree, labels, threshold):
    confidence, predicted = probabilities.max(1)
    correct = (predicted == labels).numpy()
    accepted = (agree & (confidence >= threshold)).numpy()
    return {"digits": int(len(labels)), "top1": float(correct.mean()), "accept_rate": float(accepted.mean()),
            "accepted_accuracy": float(correct[accepted].mean()) if accepted.any() else 0.0,
            "accepted_wrong": int((~correct[accepted]).sum())}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--epochs", type=int, default=16)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--calibrate-only", action="store_true", help="recalibrate the pair already in --out/cnn.onnx")
    parser.add_argument("--init-from", help="start both networks from this ONNX pair (fine-tune) instead of random weights")
    parser.add_argument("--pooled-validation", action="store_true",
                        help="fit temperatures, threshold and bins on validation.bin and validation-photo.bin together (the shipped pair: clean only)")
    parser.add_argument("--max-lr", type=float, default=2e-3, help="peak of the one-cycle learning rate")
    args = parser.parse_args()
    began = time.time()

    if args.calibrate_only:
        pair = pair_from_onnx(os.path.join(args.out, "cnn.onnx"))
    else:
        jobs = [(architecture, args.seed + index, args.epochs, args.batch, args.data, args.init_from, args.max_lr, args.pooled_validation)
                for index, architecture in enumerate(("wide", "deep"))]
        with multiprocessing.get_context("fork").Pool(2) as pool:
            states = dict(pool.map(fit, jobs))
        networks = []
        for architecture in ("wide", "deep"):
            network = ARCHITECTURES[architecture]()
            network.load_state_dict(states[architecture])
            networks.append(network.eval())
        pair = Pair(*networks).eval()
    torch.set_num_threads(1)

    def logits_of(images):
        with torch.no_grad():
            return torch.cat([pair(chunk) for chunk in torch.split(images, 1000)])

    val_images, val_labels, val_parts = load_validation(args.data, args.pooled_validation)
    val_logits = logits_of(val_images)
    temperatures = [temperature(val_logits[:, :10], val_labels), temperature(val_logits[:, 10:], val_labels)]
    val_probabilities, val_agree = combine(val_logits, temperatures)
    confidence, predicted = val_probabilities.max(1)
    correct = (predicted == val_labels).numpy()
    threshold = choose_threshold(confidence.numpy(), correct, val_agree.numpy())
    stats = {"epochs": args.epochs, "batch": args.batch, "seed": args.seed, "init_from": args.init_from,
             "max_lr": args.max_lr, "temperatures": temperatures,
             "threshold": threshold, "validation": summary(val_probabilities, val_agree, val_labels, threshold)}
    for name, rows in val_parts:
        stats[name] = summary(val_probabilities[rows], val_agree[rows], val_labels[rows], threshold)
    for name in sorted(os.listdir(args.data)):
        if name.startswith("heldout-") and name.endswith(".bin"):
            images, labels = load(os.path.join(args.data, name))
            probabilities, agree = combine(logits_of(images), temperatures)
            stats[name[8:-4]] = summary(probabilities, agree, labels, threshold)
            for index, network in enumerate(("wide", "deep")):
                own = F.softmax(logits_of(images)[:, index * 10:(index + 1) * 10], 1)
                stats[name[8:-4]][f"{network}_top1"] = float((own.argmax(1) == labels).float().mean())

    onnx_path = os.path.join(args.out, "cnn.onnx")
    if not args.calibrate_only:
        torch.onnx.export(pair, torch.zeros(1, 1, SIDE, SIDE), onnx_path, opset_version=13,
                          input_names=["digit"], output_names=["logits"])
    with open(os.path.join(args.out, "cnn.json"), "w", encoding="utf-8") as handle:
        json.dump(calibration(confidence.numpy(), correct, val_agree.numpy(), threshold, temperatures), handle, indent=2)
    data = open(onnx_path, "rb").read()
    stats["sha256"] = hashlib.sha256(data).hexdigest()
    stats["bytes"] = len(data)
    stats["minutes"] = round((time.time() - began) / 60, 1)
    print(json.dumps(stats, indent=2), flush=True)


if __name__ == "__main__":
    main()
