# The R sna peer of the "across sectors" benchmark (bench/run_sectors.sh).
#
# usage: Rscript bench/peers_sectors.R [--only STEP,...] [--verbose] DATASET_DIR
#
# What an R user would write with sna (Debian's r-cran-sna): read
# DATASET_DIR/actors.csv and collaborations.csv with read.csv, build the same
# simple graph as libecosys and raw_igraph (every actor a vertex, self-ties
# and zero-weight ties dropped, repeated ties summed), as an sna edgelist
# (the sparse form: one row per arc, an undirected tie being two arcs, with
# attribute "n"; as.edgelist.sna() accepts it as it is), then time each step.
# Prints, like bench_ecosys and raw_igraph,
#
#     # sna DATASET_DIR
#     STEP SECONDS PEAK_KIB
#
# PEAK_KIB being the process's peak resident set (VmHWM) after the step;
# SECONDS are wall-clock, or CPU time with ECOSYS_BENCH_CLOCK=cpu.
# "load" always runs. Of the "across sectors" measures sna offers only
# brokerage (Gould-Fernandez roles); it has no E-I index, constraint,
# effective size, assortativity or community detection.
#
#     brokerage_roles   sna::brokerage(el, sector)
#
# --verbose prints the graph-level role totals on stderr.

suppressPackageStartupMessages(library(sna))

args <- commandArgs(trailingOnly = TRUE)
only <- NULL
verbose <- FALSE
dir <- NULL
i <- 1
while (i <= length(args)) {
    a <- args[i]
    if (a == "--only" && i < length(args)) {
        only <- setdiff(strsplit(args[i + 1], ",")[[1]], c("", "load"))
        i <- i + 1
    } else if (a == "--verbose") {
        verbose <- TRUE
    } else if (substr(a, 1, 1) != "-" && is.null(dir)) {
        dir <- a
    } else {
        stop("usage: Rscript bench/peers_sectors.R [--only STEP,...] [--verbose] DATASET_DIR")
    }
    i <- i + 1
}
if (is.null(dir))
    stop("usage: Rscript bench/peers_sectors.R [--only STEP,...] [--verbose] DATASET_DIR")
unknown <- setdiff(only, "brokerage_roles")
if (length(unknown))
    stop("unknown step(s) ", paste(unknown, collapse = ","))
wanted <- function(step) is.null(only) || step %in% only

peak_kib <- function() {
    status <- readLines("/proc/self/status")
    line <- status[startsWith(status, "VmHWM:")]
    as.numeric(strsplit(trimws(sub("VmHWM:", "", line)), " +")[[1]][1])
}
# Wall-clock seconds, or the process's CPU seconds (user + system) with
# ECOSYS_BENCH_CLOCK=cpu, as the C programs.
cpu_clock <- Sys.getenv("ECOSYS_BENCH_CLOCK") == "cpu"
clock <- function() {
    p <- proc.time()
    if (cpu_clock) p[["user.self"]] + p[["sys.self"]] else p[["elapsed"]]
}
report <- function(step, t0) {
    cat(sprintf("%s %.6f %.0f\n", step, clock() - t0, peak_kib()))
    flush(stdout())
}

cat(sprintf("# sna %s %s\n", as.character(packageVersion("sna")), dir))

t0 <- clock()
actors <- read.csv(file.path(dir, "actors.csv"), colClasses = "character",
                   na.strings = NULL)
ties <- read.csv(file.path(dir, "collaborations.csv"), colClasses = "character",
                 na.strings = NULL)
n <- nrow(actors)
s <- match(ties$source, actors$id)
t <- match(ties$target, actors$id)
if (anyNA(s) || anyNA(t))
    stop("unknown actor in collaborations.csv")
w <- ifelse(ties$weight == "", 1, as.numeric(ties$weight))
keep <- s != t & w != 0                     # self-ties and zero weights are no ties
lo <- pmin(s, t)[keep]
hi <- pmax(s, t)[keep]
w <- w[keep]
key <- (lo - 1) * n + (hi - 1)              # exact in doubles up to n ~ 9e7
summed <- rowsum(w, key, reorder = FALSE)   # repeated ties: weights summed
first <- !duplicated(key)
lo <- lo[first]
hi <- hi[first]
w <- as.vector(summed)
el <- cbind(c(lo, hi), c(hi, lo), c(w, w)) # an undirected tie is two arcs
attr(el, "n") <- n
attr(el, "vnames") <- actors$id
sector <- actors$sector
rm(ties, s, t, keep, key, summed, first)
report("load", t0)
if (verbose)
    message(sprintf("load: %d actors, %d distinct ties", n, length(lo)))

if (wanted("brokerage_roles")) {
    t0 <- clock()
    b <- brokerage(el, sector)
    report("brokerage_roles", t0)
    if (verbose)
        message("brokerage_roles: totals ", paste(format(b$raw.gli, scientific = FALSE),
                                                  collapse = " "))
}
