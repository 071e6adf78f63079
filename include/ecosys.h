/**
 * @file ecosys.h
 * @brief libecosys: social-innovation ecosystems as networks.
 *
 * The only header users need. See docs/getting-started.md.
 */
#ifndef ECOSYS_H
#define ECOSYS_H

#include "ecosys/common.h"
#include "ecosys/communities.h"
#include "ecosys/dataset.h"
#include "ecosys/io.h"
#include "ecosys/graph.h"
#include "ecosys/measures.h"
#include "ecosys/mixing.h"
#include "ecosys/nullmodel.h"
#include "ecosys/brokerage.h"
#include "ecosys/partition.h"
#include "ecosys/report.h"
#include "ecosys/resilience.h"
#include "ecosys/territories.h"
#include "ecosys/twomode.h"
#include "ecosys/waves.h"
#include "ecosys/wavetest.h"

#endif /* ECOSYS_H */
