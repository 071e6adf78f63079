# Freeman centralizations of Zachary's karate club (unweighted) and of the
# directed test graph D, computed with R's sna 2.7 (Debian r-cran-sna) and,
# for comparison, R's igraph (r-cran-igraph). Run:
#   Rscript tests/data/expected/reference_sna.R
# Edge lists are the ones of tests/data/expected/graphs.h (0-based there,
# 1-based here). See README.md next to this file.
suppressPackageStartupMessages({ library(sna); library(igraph) })
options(digits = 17)

karate <- matrix(c(
  0,1, 0,2, 0,3, 0,4, 0,5, 0,6, 0,7, 0,8, 0,10, 0,11, 0,12, 0,13, 0,17, 0,19, 0,21, 0,31,
  1,2, 1,3, 1,7, 1,13, 1,17, 1,19, 1,21, 1,30, 2,3, 2,7, 2,8, 2,9, 2,13, 2,27, 2,28, 2,32,
  3,7, 3,12, 3,13, 4,6, 4,10, 5,6, 5,10, 5,16, 6,16, 8,30, 8,32, 8,33, 9,33, 13,33, 14,32,
  14,33, 15,32, 15,33, 18,32, 18,33, 19,33, 20,32, 20,33, 22,32, 22,33, 23,25, 23,27,
  23,29, 23,32, 23,33, 24,25, 24,27, 24,31, 25,31, 26,29, 26,33, 27,33, 28,31, 28,33,
  29,32, 29,33, 30,32, 30,33, 31,32, 31,33, 32,33), ncol = 2, byrow = TRUE) + 1
n <- 34
A <- matrix(0, n, n)
A[karate] <- 1
A[karate[, 2:1]] <- 1

cat("karate sna degree     ", centralization(A, sna::degree, mode = "graph"), "\n")
cat("karate sna betweenness", centralization(A, sna::betweenness, mode = "graph"), "\n")
cat("karate sna closeness  ", centralization(A, sna::closeness, mode = "graph"), "\n")
cat("karate sna evcent     ", centralization(A, sna::evcent, mode = "graph"), "\n")

g <- graph_from_edgelist(karate, directed = FALSE)
cat("karate R-igraph degree     ", centr_degree(g, loops = FALSE)$centralization, "\n")
cat("karate R-igraph betweenness", centr_betw(g)$centralization, "\n")
cat("karate R-igraph closeness  ", centr_clo(g)$centralization, "\n")
cat("karate R-igraph eigenvector", centr_eigen(g, scale = TRUE)$centralization, "\n")

D <- matrix(c(0,1, 1,2, 2,0, 1,0, 2,3, 3,4, 4,2, 4,5, 5,3, 5,6, 6,7, 7,5, 3,2, 6,0),
            ncol = 2, byrow = TRUE) + 1
AD <- matrix(0, 8, 8)
AD[D] <- 1
cat("D sna degree (freeman, in+out)", centralization(AD, sna::degree, mode = "digraph"), "\n")
cat("D sna betweenness             ", centralization(AD, sna::betweenness, mode = "digraph"), "\n")
cat("D sna closeness (out)         ", centralization(AD, sna::closeness, mode = "digraph"), "\n")
gd <- graph_from_edgelist(D, directed = TRUE)
cat("D R-igraph degree (all)       ", centr_degree(gd, mode = "all", loops = FALSE)$centralization, "\n")
cat("D R-igraph betweenness        ", centr_betw(gd, directed = TRUE)$centralization, "\n")
cat("D R-igraph closeness (out)    ", centr_clo(gd, mode = "out")$centralization, "\n")
cat("D R-igraph eigenvector        ", centr_eigen(gd, directed = TRUE, scale = TRUE)$centralization, "\n")
