/*
 * Draws the dashboard's charts with ECharts from the page's JSON (script#dashboard-data): labels come translated, and
 * every bar and slice carries the link to the list behind it. The same figures are in the tables under each chart.
 */
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var labels = data.labels || {};
  var charts = [];

  function go(link) {
    if (link) {
      window.location.assign(link);
    }
  }

  function start(el, height) {
    el.style.height = height + 'px';
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    charts.push(chart);
    return chart;
  }

  function drawn(el) {
    el.setAttribute('data-drawn', 'true');
  }

  function stacked(el, figure) {
    var chart = start(el, Math.max(160, figure.categories.length * 30 + 70));
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 0},
      grid: {left: 8, right: 24, top: 32, bottom: 28, containLabel: true},
      // the axis name under the middle of the axis, where a long name is never cut off at the right edge
      xAxis: {type: 'value', minInterval: 1, name: labels.tasks, nameLocation: 'middle', nameGap: 24},
      yAxis: {type: 'category', inverse: true, data: figure.categories,
        axisLabel: {width: 240, overflow: 'truncate'}},
      series: figure.series.map(function (s) {
        return {type: 'bar', stack: 'status', name: s.name, data: s.data, itemStyle: {color: s.color},
          cursor: 'pointer'};
      })
    });
    chart.on('click', function (p) {
      go(figure.series[p.seriesIndex].links[p.dataIndex]);
    });
    drawn(el);
  }

  function donut(el, items) {
    var chart = start(el, 260);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'item'},
      legend: {bottom: 0},
      series: [{type: 'pie', radius: ['40%', '65%'], name: labels.notices,
        label: {formatter: '{b}：{c}'},
        data: items.map(function (item) {
          return {name: item.name, value: item.value, itemStyle: {color: item.color}};
        })}]
    });
    chart.on('click', function (p) {
      go(items[p.dataIndex].link);
    });
    drawn(el);
  }

  function bars(el, items) {
    var chart = start(el, 260);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      grid: {left: 8, right: 16, top: 24, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: items.map(function (item) { return item.name; })},
      yAxis: {type: 'value', minInterval: 1, name: labels.notices},
      series: [{type: 'bar', name: labels.notices, data: items.map(function (item) { return item.value; }),
        itemStyle: {color: '#0b5394'}, cursor: 'pointer'}]
    });
    chart.on('click', function (p) {
      go(items[p.dataIndex].link);
    });
    drawn(el);
  }

  function trajectory(el, line) {
    var chart = start(el, 240);
    var reported = {type: 'line', name: labels.reported, data: line.values, symbolSize: 7,
      itemStyle: {color: '#0b5394'}};
    var low = line.targetLow, high = line.targetHigh;
    if (low != null && high != null && low !== high) {
      reported.markArea = {silent: true, itemStyle: {color: 'rgba(25, 135, 84, 0.12)'},
        data: [[{name: labels.targetBand, yAxis: low}, {yAxis: high}]]};
    } else if (low != null || high != null) {
      reported.markLine = {silent: true, symbol: 'none', lineStyle: {color: '#198754'},
        label: {formatter: labels.target}, data: [{yAxis: low != null ? low : high}]};
    }
    var series = [];
    if (line.low.length) {
      series.push({type: 'line', name: line.high.length ? labels.pathLow : labels.path, data: line.low,
        showSymbol: false, lineStyle: {type: 'dashed'}, itemStyle: {color: '#6c757d'}});
    }
    if (line.high.length) {
      series.push({type: 'line', name: labels.pathHigh, data: line.high, showSymbol: false,
        lineStyle: {type: 'dotted'}, itemStyle: {color: '#6c757d'}});
    }
    series.push(reported);
    if (line.baseline) {
      series.push({type: 'scatter', name: labels.baseline, data: [line.baseline], symbolSize: 10,
        itemStyle: {color: '#e0a800'}});
    }
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 8, right: 24, top: 32, bottom: 8, containLabel: true},
      xAxis: {type: 'time'},
      yAxis: {type: 'value', scale: true, name: line.unitOfMeasure || ''},
      series: series
    });
    drawn(el);
  }

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    switch (el.getAttribute('data-chart')) {
      case 'sections':
        stacked(el, data.sections);
        break;
      case 'units':
        stacked(el, data.units);
        break;
      case 'grades':
        donut(el, data.grades);
        break;
      case 'statuses':
        donut(el, data.statuses);
        break;
      case 'ages':
        bars(el, data.ages);
        break;
      case 'trajectory':
        trajectory(el, data.trajectories[Number(el.getAttribute('data-index'))]);
        break;
    }
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) {
      chart.resize();
    });
  });
})();
